import { ruleTester } from '../../../testing.js';
import rule from '../url-profile.js';

// The host name: machine-made, bulk, numeric and IP-address names, and noise names given bare.
ruleTester(rule, {
  valid: [
    { name: 'a spoken name under a risky TLD', url: 'https://tokyo-bento.shop/' },
    { name: 'a romanised Japanese name under a risky TLD', url: 'https://tsukiji-kiyomizu.shop/' },
    { name: 'a rare letter pair on an ordinary TLD', url: 'https://vexqua.com/' },
    { name: 'a word and a number under a risky TLD', url: 'https://shop24.xyz/' },
    { name: 'a five-letter abbreviation without vowels', url: 'http://www.nbcsf.com/news/818195.asp' },
    {
      name: 'a machine-made name with a page on it (a tracker)',
      url: 'https://www.zoqfjykt.com/click-4715-4878',
    },
    { name: 'a word with a number as a bare name', url: 'https://www.lot49.com/news/' },
    { name: 'a number as the name on an ordinary TLD', url: 'https://www.70812.com/' },
    { name: 'a project’s host in front of a domain, bare', url: 'http://perlqt.infonium.com/' },
    { name: 'a compound shop name under a risky TLD, bare', url: 'https://www.hokkaidoshop.shop/' },
    { name: 'initials as a name, bare', url: 'https://www.tcpdf.org/' },
    { name: 'a three-letter name under a risky TLD, bare', url: 'https://www.tcl.tk/' },
    { name: 'an abbreviation with a readable word given bare', url: 'https://www.jsdelivr.com/' },
    { name: 'a company’s short name given bare', url: 'https://www.vmware.com/' },
    {
      name: 'a machine-made name with a page on it, no other sign',
      url: 'https://xutfjykx.com/news/2024/05/',
    },
    { name: 'a name with two digits given bare', url: 'https://tq39.com/' },
    { name: 'a name with a standard’s number given bare', url: 'http://www.iso17799.net' },
    { name: 'a router’s setup page', url: 'http://192.168.0.1/' },
    { name: 'a project’s abbreviation without vowels', url: 'https://nghttp2.org/' },
  ],
  invalid: [
    { name: 'a keyboard-mash name given bare', url: 'https://zoqfjykt.com/', evidence: 'zoqfjykt.com' },
    {
      name: 'a noise name with a made-up host in front, bare',
      url: 'http://z-0t0.ovqgk.com/',
      evidence: 'ovqgk',
    },
    {
      name: 'a bare noise name under a TLD common in phishing',
      url: 'https://www.bviqyey.cn/',
      evidence: '.cn',
    },
    {
      name: 'a server address written into the host name (a hosting panel’s temporary name)',
      url: 'https://it.35-72-13-210.example.com/PP',
      evidence: '35-72-13-210',
    },
    {
      name: 'a long keyboard-mash name',
      url: 'https://djaihgiajowsfdjakjfw.com/',
      evidence: 'djaihgiajowsfdjakjfw',
    },
    {
      name: 'a long made-up host in front of a hacked site',
      url: 'https://prcdajdeeeeosajksjkakd118283.florist-example.com/',
      evidence: 'prcdajdeeeeosajksjkakd118283',
    },
    { name: 'a six-digit number as the name', url: 'https://www.688172.com/', evidence: '688172' },
    {
      name: 'a reverse-DNS name of a server as the address',
      url: 'https://52.74-188-199.rdns.example.com/',
      evidence: '74-188-199',
    },
    {
      name: 'a made-up host in front of a domain, bare',
      url: 'https://aqfwom.etitalx.com/',
      evidence: 'aqfwom',
    },
    { name: 'a random name under a risky TLD', url: 'https://www.qpkwucj.cn/', evidence: 'qpkwucj.cn' },
    {
      name: 'a letter pair no English word has, under a risky TLD',
      url: 'https://vexqua.xyz/',
      evidence: 'vexqua',
    },
    {
      name: 'a hash subdomain and a kit path',
      url: 'https://6cf1edaffbcc659a5c97cdb345c83c0b.example.com/caonige',
      evidence: 'example.com',
    },
    { name: 'a keyboard-mash subdomain', url: 'https://dwqhtrjhfhs.example.com/', evidence: 'dwqhtrjhfhs' },
    { name: 'a bare IP address', url: 'http://203.0.113.7/', evidence: '203.0.113.7' },
    { name: 'six consonants and no vowel as a name', url: 'https://www.hbqxzt.com/', weight: 30 },
    { name: 'a registrar’s bulk name given bare', url: 'https://www.hq582.com/', evidence: 'hq582.com' },
    {
      name: 'a five-digit number as the name under a risky TLD',
      url: 'https://70812.cc/',
      evidence: '70812.cc',
    },
  ],
});
