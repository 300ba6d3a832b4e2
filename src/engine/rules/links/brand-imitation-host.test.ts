import { eml, ruleTester } from '../../testing.js';
import rule from './brand-imitation-host.js';

const html = (href: string, text = 'ログイン') =>
  eml({ from: 'x <a@example.jp>', subject: 'x', html: `<a href="${href}">${text}</a>` });

ruleTester(rule, {
  valid: [
    {
      name: 'the brand name under another ordinary suffix (a sister company)',
      url: 'https://news.yahoo.com/',
    },
    { name: 'the brand’s own domain', url: 'https://www.amazon.co.jp/gp/css/order-history' },
    { name: 'a brand subdomain', email: html('https://pay.amazon.co.jp/x') },
    { name: 'an unrelated site', url: 'https://www.example.com/login' },
    {
      name: 'a word that contains a short keyword (epos in repository)',
      url: 'https://repository.example.org/',
    },
    { name: 'a word one letter from a brand (maison / saison)', url: 'https://www.maison-example.fr/' },
    {
      name: 'a compound keyword slip is a word (applied / appleid)',
      url: 'https://www.appliedmaterials.com/',
    },
    { name: 'a legitimate Japanese IDN', url: 'https://xn--eckwd4c7c.xn--zckzah/' },
    {
      name: 'a word that holds a slipped brand name (amazing / amazon)',
      url: 'https://amazing-deals.example.com/',
    },
    { name: 'a brand name written inside a word (amazonia)', url: 'https://www.amazonia.example.org/' },
    {
      name: 'a changed letter beside another word (openbea+tbox)',
      url: 'https://www.openbeatbox.example.org/',
    },
    { name: 'a surname one letter from a brand (yamamoto)', url: 'https://yamamoto-clinic.example.jp/' },
    { name: 'a shared mail provider host', url: 'https://email.amazonses.com/x' },
    {
      name: 'a brand domain followed by more letters is not that domain',
      url: 'https://www.pineapple.community-forum.org/',
    },
    {
      name: 'a keyword that is the platform’s own suffix',
      url: 'https://files-1.s3.ap-northeast-1.amazonaws.com/a.pdf',
    },
    { name: 'a keyword glued to another word', url: 'https://www.googleusercontent-example.org/' },
    { name: 'an ordinary word that is also a product name', url: 'http://www.outlooksecure.com/' },
    { name: 'a short keyword inside a word (epos in deposit)', url: 'https://deposit.example.net/' },
    { name: 'Cloudflare’s own random worker name', url: 'https://apple-brie-9bvd.someone.workers.dev/' },
  ],
  invalid: [
    {
      name: 'the brand name under a TLD known for abuse',
      url: 'https://www.amazon.top/',
      evidence: 'amazon.top',
    },
    {
      name: 'official domain inside another host',
      url: 'https://amazon.co.jp.sign-in-xyz.top/ap/signin',
      evidence: 'sign-in-xyz.top',
    },
    {
      name: 'official domain followed by a hyphen',
      url: 'https://smbc-card.com-xx.cn/',
      evidence: 'com-xx.cn',
    },
    {
      name: 'brand keyword in a non-official host',
      url: 'https://amazon-prime-update.com/',
      evidence: 'amazon-prime-update.com',
    },
    { name: 'brand keyword as a subdomain', url: 'https://smbc.rxjdjzbxb.com/', evidence: 'rxjdjzbxb.com' },
    { name: 'keyword with filler glued on', url: 'https://www.rakutenjp-secure.com/', evidence: 'rakutenjp' },
    { name: 'rn for m', url: 'https://arnazon.co.jp/', evidence: 'arnazon' },
    { name: 'zero for o', url: 'https://amaz0n-jp.net/', evidence: 'amaz0n' },
    {
      name: 'one-letter slip in a long keyword',
      url: 'https://www.amazom.example-shop.com/',
      evidence: 'amazom',
    },
    {
      name: 'a misspelled official domain as a subdomain (transposed letters)',
      url: 'https://aeno.co.jp.example.net/aeon',
      evidence: 'aeno',
    },
    {
      name: 'a doubled letter in a short keyword',
      url: 'https://www.ekii-co-jp.example.cn/',
      evidence: 'ekii',
    },
    {
      name: 'a keyword inside filler',
      url: 'https://wwwinforakuten.example.com/',
      evidence: 'wwwinforakuten',
    },
    { name: 'a short keyword after filler', url: 'https://webaeon.example.cn/', evidence: 'webaeon' },
    { name: 'a keyword with noise glued on', url: 'https://aifulkp.example.com/', evidence: 'aifulkp' },
    { name: 'a brand’s own short name as a label', url: 'https://eki.example.cn/', evidence: 'eki' },
    { name: 'punycode with a Cyrillic a', url: 'https://xn--mazon-3ve.com/', evidence: 'xn--mazon-3ve.com' },
    {
      name: 'a brand name with a dropped letter glued to filler',
      url: 'https://wwwinfomercri.example.top/',
      evidence: 'wwwinfomercri',
    },
    { name: 'a brand name cut short', url: 'https://mercar.example.cyou/', evidence: 'mercar' },
    {
      name: 'swapped and doubled letters with filler glued on',
      url: 'https://saisnnoinfo.example.xyz/',
      evidence: 'saisnnoinfo',
    },
    { name: 'a changed letter after www', url: 'https://wwwrakutem.example.com/', evidence: 'wwwrakutem' },
    {
      name: 'swapped letters before a hyphenated word',
      url: 'https://coinbsae-help.example.com/',
      evidence: 'coinbsae',
    },
    {
      name: 'in an e-mail link',
      email: html('https://mercari-jp.account-check.top/login', 'メルカリにログイン'),
      evidence: 'mercari-jp',
    },
  ],
});
