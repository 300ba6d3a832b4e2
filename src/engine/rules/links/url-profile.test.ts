import { eml, ruleTester } from '../../testing.js';
import rule from './url-profile.js';

ruleTester(rule, {
  valid: [
    { name: 'an ordinary site', url: 'https://www.example.com/news/2024/01/article.html' },
    { name: 'a risky TLD alone', url: 'https://www.maylove.shop/' },
    { name: 'a spoken name under a risky TLD', url: 'https://tokyo-bento.shop/' },
    { name: 'a romanised Japanese name under a risky TLD', url: 'https://tsukiji-kiyomizu.shop/' },
    { name: 'a rare letter pair on an ordinary TLD', url: 'https://vexqua.com/' },
    { name: 'a numbered www server under a risky TLD', url: 'http://www1.example-daily.cn/news/81655.html' },
    { name: 'a word and a number under a risky TLD', url: 'https://shop24.xyz/' },
    {
      name: 'an archive’s copy of a Japanese page',
      url: 'https://archive.example.org/web/2020/https://www.example.co.jp/',
    },
    { name: 'the MTA-STS policy file', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt' },
    {
      name: 'Thunderbird’s settings file',
      url: 'https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=taro@example.org',
    },
    { name: 'a brand’s own site', url: 'https://www.amazon.co.jp/ap/signin' },
    { name: 'an old ASP news page', url: 'http://www.example-news.com/news/818195.asp' },
    { name: 'a free blog', url: 'https://someone.blogspot.com/2024/01/post.html' },
    {
      name: 'a picture in WordPress uploads',
      url: 'https://www.example.com/wp-content/uploads/2024/05/shop.jpg',
    },
    {
      name: 'WordPress’s own admin page',
      url: 'https://www.example.com/wp-admin/post.php?post=12&action=edit',
    },
    { name: 'WordPress network admin', url: 'https://www.example.com/wp-admin/network/' },
    { name: 'www2 is an ordinary host name', url: 'https://www2.example.com/' },
    { name: 'a sign-in host on an ordinary site', url: 'https://login.example.com/' },
    {
      name: 'an unsubscribe link with the address in plain sight in the query',
      url: 'https://news.example.com/unsubscribe?email=taro.yamada@example.jp',
    },
    { name: 'a named site on a platform suffix', url: 'https://tanaka-kobo.sakura.ne.jp/blog/' },
    { name: 'a five-letter abbreviation without vowels', url: 'http://www.nbcsf.com/news/818195.asp' },
    {
      name: 'a machine-made name with a page on it (a tracker)',
      url: 'https://www.zoqfjykt.com/click-4715-4878',
    },
    { name: 'the mobile site under a risky TLD', url: 'https://m.tokyo-bento.shop/' },
    { name: 'a blog section under a risky TLD', url: 'https://blog.tokyo-bento.shop/2024/05/' },
    { name: 'a two-digit host name', url: 'https://42.example.com/' },
    { name: 'a word with a number as a bare name', url: 'https://www.lot49.com/news/' },
    { name: 'a query that is one ordinary word', url: 'https://www.example.com/article?print' },
    { name: 'a numbered page on an ordinary host', url: 'https://forum.example.com/1129' },
    { name: 'a product name with a capital inside as the page', url: 'https://www.example.com/iPhone' },
    { name: 'a number as the name on an ordinary TLD', url: 'https://www.70812.com/' },
    { name: 'a Japanese section of a site', url: 'https://www.example.com/jp/index.php' },
    { name: 'a readable path token', url: 'https://www.example.com/Products' },
    { name: 'a user name with an underscore on a blog platform', url: 'http://taro_y.example-blog.com/' },
    { name: 'an article naming a brand', url: 'https://news.example.org/2002/08/yahoo080902.htm' },
    {
      name: 'only for a bare URL, not links in an e-mail',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        html: '<a href="https://qpkwucj.example.top/login.php">x</a>',
      }),
    },
  ],
  invalid: [
    { name: 'a random name under a risky TLD', url: 'https://www.qpkwucj.cn/', evidence: 'qpkwucj.cn' },
    {
      name: 'a letter pair no English word has, under a risky TLD',
      url: 'https://vexqua.xyz/',
      evidence: 'vexqua',
    },
    { name: 'a PHP page under a risky TLD', url: 'https://olczcilvensca15.icu/bell15.php', evidence: 'icu' },
    {
      name: 'a hash subdomain and a kit path',
      url: 'https://6cf1edaffbcc659a5c97cdb345c83c0b.example.com/caonige',
      evidence: 'example.com',
    },
    { name: 'dynamic DNS', url: 'http://rdfeb.duckdns.org/', evidence: 'duckdns.org' },
    { name: 'a keyboard-mash subdomain', url: 'https://dwqhtrjhfhs.example.com/', evidence: 'dwqhtrjhfhs' },
    {
      name: 'a platform suffix from the Public Suffix List (not in our lists) with a random site name',
      url: 'https://xq7rk2pz.sakura.ne.jp/',
      evidence: 'sakura.ne.jp',
    },
    {
      name: 'the account name under workers.dev is the owner’s choice and counts',
      url: 'https://calm-sun-1a2b.xk7q9z2m.workers.dev/',
      evidence: 'workers.dev',
    },
    {
      name: 'a Cloudflare worker under its generated name (workers.dev is not for production)',
      url: 'https://icy-mountain-6825.tanaka.workers.dev/',
      evidence: 'workers.dev',
    },
    {
      name: 'a TLD where phishing is several percent of all domains',
      url: 'https://kawaii-mise.bond/',
      evidence: 'bond',
    },
    {
      name: 'a sign-in page planted in wp-includes of an ordinary site',
      url: 'https://www.example-koumuten.com/wp-includes/fonts/track/verification/',
      evidence: 'wp-includes',
    },
    {
      name: 'a folder of pages under wp-admin’s images',
      url: 'https://www.example.com.br/wp-admin/images/store/webmail_login.php',
      evidence: 'example.com.br',
    },
    { name: '"www" glued to the name', url: 'https://wwwcardinfo.example.com/', evidence: 'wwwcardinfo' },
    {
      name: 'a wildcard-DNS underscore label',
      url: 'https://_.shop-example.com/',
      evidence: 'shop-example.com',
    },
    { name: 'a bare IP address', url: 'http://203.0.113.7/', evidence: '203.0.113.7' },
    {
      name: 'a base64 token with padding as the page',
      url: 'http://www.example.xyz/YWJjZDAwMDU3Pwo=',
      evidence: 'xyz',
    },
    {
      name: 'a sign-in word in the host under a risky TLD',
      url: 'https://login.example-reader.cyou/',
      evidence: 'cyou',
    },
    {
      name: 'the reader’s address in base64 in the query (pre-filled fake sign-in)',
      url: 'https://www.example-koumuten.com/mail/?k=dGFyby55YW1hZGFAZXhhbXBsZS5qcA==',
      evidence: 'example-koumuten.com',
    },
    {
      name: 'the reader’s address after the #',
      url: 'https://www.example-koumuten.com/share/#taro.yamada@example.jp',
      evidence: 'example-koumuten.com',
    },
    { name: 'a sign-in path on a digit-mixed name', url: 'https://nck292.com/login', evidence: 'nck292.com' },
    { name: 'six consonants and no vowel as a name', url: 'https://www.hbqxzt.com/', weight: 30 },
    { name: 'a machine-made name given bare', url: 'https://zoqfjykt.com/', weight: 30 },
    {
      name: 'a made-up name in front of the registered one under a risky TLD',
      url: 'https://service.tokyo-bento.cn/',
      weight: 30,
    },
    {
      name: 'a number as the host name, with a meaningless registered name',
      url: 'https://8804.qpkwucj.com/',
      weight: 30,
    },
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
      name: 'an encoded id as the whole path',
      url: 'https://www.example-koumuten.com/a3IwMDY1P3',
      evidence: 'a3IwMDY1P3',
    },
    {
      name: 'www written twice',
      url: 'https://www.www.example-koumuten.com/',
      evidence: 'example-koumuten.com',
    },
    {
      name: 'a Japanese domain ending inside the registered name',
      url: 'https://example-co-jp.com/',
      evidence: 'example-co-jp.com',
    },
    { name: 'a registrar’s bulk name given bare', url: 'https://www.hq582.com/', evidence: 'hq582.com' },
    {
      name: 'a name server’s host name as a page',
      url: 'https://ns2.example-koumuten.com/',
      evidence: 'ns2',
    },
    {
      name: 'a numbered host with a numbered page',
      url: 'https://8601.example-koumuten.com/1204',
      weight: 30,
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
    {
      name: 'a five-digit number as the name under a risky TLD',
      url: 'https://70812.cc/',
      evidence: '70812.cc',
    },
    {
      name: 'two independent signs: a number host and a base64 page',
      url: 'https://8072.example-koumuten.com/YWJjZDAwMDU3Pwo=',
      weight: 30,
    },
  ],
});
