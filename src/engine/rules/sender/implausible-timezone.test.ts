import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_DATA } from '../../data/default.js';
import type { EngineData } from '../../data/types.js';
import { eml, ruleTester } from '../../testing.js';
import rule, { dateZone } from './implausible-timezone.js';

// A copy of the catalogue in which Amazon Japan's mail is known to be dated +0900.
const data: Partial<EngineData> = {
  brands: {
    ...DEFAULT_DATA.brands,
    brands: DEFAULT_DATA.brands.brands.map((b) => (b.id === 'amazon' ? { ...b, timezones: ['+0900'] } : b)),
  },
};
const mail = (date: string, extra: Partial<Parameters<typeof eml>[0]> = {}) =>
  eml({
    from: 'Amazon.co.jp <info@amazon-jp.example>',
    subject: 'Amazon.co.jp ご注文',
    text: 'x',
    date,
    ...extra,
  });

it('reads the zone of a Date header', () => {
  assert.equal(dateZone('Fri, 08 May 2020 10:00:00 +0800'), '+0800');
  assert.equal(dateZone('Fri, 08 May 2020 10:00:00 +0900 (JST)'), '+0900');
  assert.equal(dateZone('Fri, 08 May 2020 10:00:00 GMT'), '+0000');
  assert.equal(dateZone('garbage'), null);
});

ruleTester(rule, {
  valid: [
    { name: 'the brand’s usual zone', email: mail('Fri, 08 May 2020 10:00:00 +0900'), data },
    { name: 'an unknown zone (-0000)', email: mail('Fri, 08 May 2020 10:00:00 -0000'), data },
    { name: 'a brand without catalogued zones', email: mail('Fri, 08 May 2020 10:00:00 +0800') },
    {
      name: 'no brand claimed',
      email: eml({
        from: 'Taro <taro@example.cn>',
        subject: 'hello',
        text: 'x',
        date: 'Fri, 08 May 2020 10:00:00 +0800',
      }),
      data,
    },
    {
      name: 'a relay-type header claims Amazon but exempts nothing (still valid here only because the zone fits)',
      email: mail('Fri, 08 May 2020 10:00:00 +0900', { extra: ['X-Amazon-Mail-Relay-Type: notification'] }),
      data,
    },
  ],
  invalid: [
    {
      name: 'a Japanese brand dated +0800',
      email: mail('Fri, 08 May 2020 10:00:00 +0800'),
      data,
      evidence: '+0800',
    },
    {
      name: 'a sender-set header does not exempt the message',
      email: mail('Fri, 08 May 2020 10:00:00 -0700', { extra: ['X-Amazon-Mail-Relay-Type: notification'] }),
      data,
      evidence: 'Date: Fri, 08 May 2020 10:00:00 -0700',
    },
  ],
});
