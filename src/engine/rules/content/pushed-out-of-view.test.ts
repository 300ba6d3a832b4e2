import { eml, ruleTester } from '../../testing.js';
import rule from './pushed-out-of-view.js';

const html = (body: string) => eml({ from: 'Shop <info@example.net>', subject: 'News', html: body });

ruleTester(rule, {
  valid: [
    {
      name: 'an ordinary layout',
      email: html('<table style="height: 600px"><tr><td>Hello</td></tr></table>'),
    },
    {
      name: 'a long newsletter table',
      email: html('<table style="height:1800px"><tr><td>News</td></tr></table>'),
    },
    {
      name: 'an image-replacement indent (negative)',
      email: html('<h1 style="text-indent:-9999px;background:url(logo.png)">Shop</h1>'),
    },
    { name: 'a full-window hero', email: html('<div style="min-height: 100vh">Welcome</div>') },
    { name: 'plain text only', email: eml({ from: 'a@example.net', subject: 'x', text: 'height: 99999px' }) },
  ],
  invalid: [
    {
      name: 'a margin hundreds of screens deep',
      email: html(
        '<style>.below { margin-top: 470500px; }</style><p>Offer</p><div class="below">filler</div>',
      ),
      evidence: 'margin-top: 470500px',
    },
    {
      name: 'a wrapper thousands of window heights tall',
      email: html('<div style="display:flex;height: 10000vh"><p>Offer</p></div>'),
      evidence: 'height: 10000vh',
    },
  ],
});
