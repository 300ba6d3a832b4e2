import { eml, ruleTester } from '../../testing.js';
import rule from './generated-address-borrowed-name.js';

const from = (f: string) => eml({ from: f, subject: 'Offer', text: 'Our new offer.' });

ruleTester(rule, {
  valid: [
    { name: 'a person at their company', email: from('Taro Yamada <taro.yamada@example.co.jp>') },
    {
      name: 'a generated address whose domain carries the name',
      email: from('Garden Shop <For_You_71438@news.gardenshop.example>'),
    },
    {
      name: 'random letter case, but the name is in the domain',
      email: from('Qpzm Trading <CqJRjHgIz@mail.qpzm-trading.example>'),
    },
    {
      name: 'free mail: any name goes with any address there',
      email: from('Home Warranty <CqJRjHgIz@gmail.com>'),
    },
    { name: 'an ordinary address under an unrelated name', email: from('Support Desk <info@azeb.example>') },
    { name: 'no display name', email: from('For_You_71438@louise.example-shop.com') },
  ],
  invalid: [
    {
      name: 'template words and a serial, a brand-like name from an unrelated domain',
      email: from('Auto Shield For Your Car <For_You_71438@louise.qpzm-web.example>'),
      evidence: 'Auto Shield',
    },
    {
      name: 'random letter case under a product name',
      email: from('Laser Smooth Offers <CqJRjHgIz@rare.socialweb.example>'),
      evidence: 'CqJRjHgIz',
    },
    {
      name: 'a deep chain of one-letter subdomains',
      email: from('Tool Rewards <offer@s.u.p.p.o.r.t.azeb.example>'),
      evidence: 'Tool Rewards',
    },
  ],
});
