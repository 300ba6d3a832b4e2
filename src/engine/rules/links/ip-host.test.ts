import { eml, ruleTester } from '../../testing.js';
import rule from './ip-host.js';

ruleTester(rule, {
  valid: [
    { name: 'a domain name', url: 'https://www.example.com/login' },
    {
      name: 'a home router address',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        text: '設定画面 http://192.168.1.1/ を開いてください',
      }),
    },
    { name: 'a version number in text is not a host', text: 'バージョン 1.2.3.4 に更新しました' },
  ],
  invalid: [
    { name: 'dotted IPv4', url: 'http://203.0.113.45/amazon/signin.php', evidence: '203.0.113.45' },
    { name: 'decimal form', url: 'http://3405803821/login', evidence: '3405803821' },
    { name: 'hex form', url: 'http://0xCB00712D/login', evidence: '0xCB00712D' },
    { name: 'IPv6 literal', url: 'http://[2001:db8::1]/login', evidence: '2001:db8::1' },
  ],
});
