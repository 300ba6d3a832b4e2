import { DEFAULT_DATA } from '../../data/default.js';
import { parseIndicatorList } from '../../indicators.js';
import { eml, ruleTester } from '../../testing.js';
import rule from './listed.js';

const list = parseIndicatorList(
  'date,URL,description\n2024/05/01 10:00:00,https://amazon-co-jp.evil-login.top/ap/signin,Amazon\n2024/05/02 11:00:00,http://shared.weebly.com/x,Apple\n',
  'JPCERT/CC phishurl-list',
);
const data = { indicators: list };

ruleTester(rule, {
  valid: [
    {
      name: 'no lists loaded',
      url: 'https://amazon-co-jp.evil-login.top/ap/signin',
      data: { indicators: [] },
    },
    { name: 'an unlisted URL', url: 'https://www.amazon.co.jp/', data },
    { name: 'another site on a listed free-hosting host', url: 'http://other.weebly.com/x', data },
  ],
  invalid: [
    {
      name: 'the exact URL, scheme and slash aside',
      url: 'amazon-co-jp.evil-login.top/ap/signin/',
      data,
      evidence: 'JPCERT/CC phishurl-list (2024/05/01 10:00:00)',
    },
    {
      name: 'another path on the listed host',
      email: eml({ from: 'a@b.example', subject: 'x', text: 'https://amazon-co-jp.evil-login.top/other' }),
      data,
      evidence: 'evil-login.top',
    },
  ],
});

// The default data ships no indicators: lists come only from the user's imports.
if ((DEFAULT_DATA.indicators ?? []).length !== 0) throw new Error('default data must not carry indicators');
