import { ruleTester } from '../../../testing.js';
import rule from '../url-profile.js';

// The page: sign-in and kit pages, machine-made tokens and tags, brand and Japan pages.
ruleTester(rule, {
  valid: [
    { name: 'an old ASP news page', url: 'http://www.example-news.com/news/818195.asp' },
    { name: 'a sign-in host on an ordinary site', url: 'https://login.example.com/' },
    { name: 'a query that is one ordinary word', url: 'https://www.example.com/article?print' },
    { name: 'a numbered page on an ordinary host', url: 'https://forum.example.com/1129' },
    { name: 'a product name with a capital inside as the page', url: 'https://www.example.com/iPhone' },
    {
      name: 'a brand named in a folder of an article',
      url: 'https://www.example-blog.com/google/suffixcensus.shtml',
    },
    { name: 'an image album link', url: 'https://imgur.com/a/AbCdE' },
    { name: 'a paste link', url: 'https://pastebin.com/AbCdEfGh' },
    {
      name: 'a company’s own web mail on its mail host',
      url: 'https://mail.example-company.com/webmail/login.php',
    },
    { name: 'a review site’s section named after a brand', url: 'https://www.example-review.com/amazon/' },
    { name: 'a global site’s Japanese section without a slash', url: 'https://www.lenovo.com/jp' },
    { name: 'a service’s own sign-in page', url: 'https://www.dropbox.com/login' },
    { name: 'a SaaS sign-in page on a compound name', url: 'https://app.hubspot.com/login' },
    { name: 'a product page named in CamelCase with a word', url: 'https://www.sbisec.co.jp/ETGate' },
    { name: 'a product name in CamelCase as the page', url: 'http://www.fogcreek.com/FogBUGZ' },
    {
      name: 'a sign-in page deep in a site whose name reads',
      url: 'https://comics.example.com/daily/html/login.html',
    },
    { name: 'a sign-in page of a service whose name reads', url: 'https://www.example-shop.com/login' },
    { name: 'a Japanese section of a site', url: 'https://www.example.com/jp/index.php' },
    { name: 'a readable path token', url: 'https://www.example.com/Products' },
    { name: 'an article naming a brand', url: 'https://news.example.org/2002/08/yahoo080902.htm' },
  ],
  invalid: [
    {
      name: 'a sign-in word glued to the page under a risky TLD',
      url: 'https://aguterlx.com.cn/appuserlogin',
      evidence: 'login',
    },
    {
      name: 'a sign-in page on a name no one would say',
      url: 'https://chnfxq.com/login',
      evidence: 'login',
    },
    {
      name: 'a web-mail sign-in page on a site that is no mail provider',
      url: 'https://dukan-example.com/Ifyy/pla/webmail_login.php',
      evidence: 'webmail_login',
    },
    {
      name: 'a sign-in page two folders down on a name with a number',
      url: 'https://www.shopmall68.com/index/user/login.html',
      evidence: 'login',
    },
    {
      name: 'a sign-in switch as the whole query, risky TLD',
      url: 'https://eonet-example.site/?verify',
      evidence: 'verify',
    },
    { name: 'a PHP page under a risky TLD', url: 'https://olczcilvensca15.icu/bell15.php', evidence: 'icu' },
    {
      name: 'a sign-in word in the host under a risky TLD',
      url: 'https://login.example-reader.cyou/',
      evidence: 'cyou',
    },
    { name: 'a sign-in path on a digit-mixed name', url: 'https://nck292.com/login', evidence: 'nck292.com' },
    {
      name: 'a brand’s name on a PHP page',
      url: 'https://www.example-koumuten.com/Rakuten/index.php',
      weight: 30,
    },
    {
      name: 'a page named for Japan on a site outside .jp',
      url: 'https://www.example-koumuten.com/japan.php',
      evidence: 'japan.php',
    },
    {
      name: 'a made-up word as the whole query under a risky TLD',
      url: 'https://www.example.cn/?kqiuxatl',
      evidence: 'kqiuxatl',
    },
    {
      name: 'a short made-up token as the page under a risky TLD',
      url: 'https://rosemaple.cn/KxDaC',
      evidence: 'KxDaC',
    },
  ],
});
