import { eml, ruleTester } from '../../testing.js';
import rule from './brand-domain-in-local-part.js';

const from = (f: string) => eml({ from: f, subject: 'x', text: 'x' });

ruleTester(rule, {
  valid: [
    { name: 'an ordinary address', email: from('Taro <taro.yamada@example.co.jp>') },
    { name: 'the brand itself', email: from('Amazon.co.jp <amazon.co.jp@amazon.co.jp>') },
    { name: 'a brand domain written inside a longer word', email: from('x <cowboy.co.jp.fan@example.com>') },
    { name: 'a name ending like a country code', email: from('Help <contact.us@example.com>') },
    {
      name: 'a list bounce with an encoded address',
      email: from('x <list-bounces+user=example.net@lists.example.org>'),
    },
    { name: 'its own domain in the local part', email: from('x <example.com@mail.example.com>') },
  ],
  invalid: [
    {
      name: 'amazon.co.jp@ a stranger',
      email: from('Amazon <amazon.co.jp@xyz-shop.top>'),
      evidence: 'amazon.co.jp@xyz-shop.top',
    },
    {
      name: 'a brand domain with a suffix',
      email: from('x <smbc-card.com-info@mail.example.top>'),
      evidence: 'smbc-card.com-info',
    },
    {
      name: 'an uncatalogued shop’s domain',
      email: from('ヨドバシ <yodobashi.com@golf-pearland.example>'),
      evidence: 'yodobashi.com@',
    },
    {
      name: 'a subdomain-style local part',
      email: from('x <info.shop-example.co.jp@abc.example.cn>'),
      evidence: 'info.shop-example.co.jp',
    },
  ],
});
