import { ruleTester } from '../../../testing.js';
import rule from '../url-profile.js';

// The labels in front of the registered name: codes, service hosts, disguises, numbered and deep hosts.
ruleTester(rule, {
  valid: [
    { name: 'a numbered www server under a risky TLD', url: 'http://www1.example-daily.cn/news/81655.html' },
    { name: 'the MTA-STS policy file', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt' },
    {
      name: 'Thunderbird’s settings file',
      url: 'https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=taro@example.org',
    },
    { name: 'www2 is an ordinary host name', url: 'https://www2.example.com/' },
    { name: 'the mobile site under a risky TLD', url: 'https://m.tokyo-bento.shop/' },
    { name: 'a blog section under a risky TLD', url: 'https://blog.tokyo-bento.shop/2024/05/' },
    { name: 'a two-digit host name', url: 'https://42.example.com/' },
    { name: 'a support host of a site whose name reads, bare', url: 'https://support.example-garden.com/' },
    { name: 'a numbered web server of a service, bare', url: 'https://web01.hubspot.com/' },
    { name: 'a help host of a service, bare', url: 'https://help.backlog.com/' },
    { name: 'a support host of a compound name, bare', url: 'https://service.cloudflare.com/' },
    { name: 'a numbered server in front of a name, bare', url: 'http://sh1.antvillex.org/' },
    { name: 'the mailing-list host under a risky TLD', url: 'http://mailing-list.libexample.info/' },
    { name: 'a user name with an underscore on a blog platform', url: 'http://taro_y.example-blog.com/' },
  ],
  invalid: [
    {
      name: 'a coded host in front of a name that does not read, bare',
      url: 'http://z-7d9.ymrivk.com/',
      evidence: 'z-7d9',
    },
    {
      name: 'a service host in front of a name that does not read, bare',
      url: 'https://service.99tbkx.com/',
      evidence: 'service',
    },
    { name: 'a numbered host given bare', url: 'https://8420.zoahipp-example.com/', evidence: '8420' },
    { name: '"www" glued to the name', url: 'https://wwwcardinfo.example.com/', evidence: 'wwwcardinfo' },
    {
      name: 'a wildcard-DNS underscore label',
      url: 'https://_.shop-example.com/',
      evidence: 'shop-example.com',
    },
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
      name: 'www written twice',
      url: 'https://www.www.example-koumuten.com/',
      evidence: 'example-koumuten.com',
    },
    {
      name: 'a Japanese domain ending inside the registered name',
      url: 'https://example-co-jp.com/',
      evidence: 'example-co-jp.com',
    },
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
  ],
});
