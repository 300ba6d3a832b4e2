import { eml, ruleTester } from '../../testing.js';
import rule from './machine-made-address.js';

const from = (f: string) => eml({ from: f, subject: 'x', text: 'x' });

ruleTester(rule, {
  valid: [
    { name: 'a person', email: from('Taro <taro.yamada@example.co.jp>') },
    { name: 'CamelCase name', email: from('John <JohnSmith@example.com>') },
    { name: 'a list admin address', email: from('x <rpm-list-admin@rpmlists.example>') },
    { name: 'an acronym company', email: from('x <gbpeck@sbcglobal.net>') },
    { name: 'a free mail user with a number', email: from('x <john_smith_1985@gmail.com>') },
    { name: 'a mail subdomain', email: from('Shop <news@mail.shop.example.com>') },
  ],
  invalid: [
    {
      name: 'random letter case',
      email: from('Offer <CqJRjHgIz@rare.example-web.com>'),
      evidence: 'CqJRjHgIz',
    },
    {
      name: 'template and serial on a company domain',
      email: from('Canvas <For_You_71438@louise.example-shop.com>'),
      evidence: 'For_You_71438',
    },
    {
      name: 'a chain of one-letter subdomains',
      email: from('Support <lina@y.t.r.e.s.q.s.c.21.example.com>'),
      evidence: 'y.t.r.e.s',
    },
    {
      name: 'a random subdomain label',
      email: from('x <news@xvcbnhjhgngbfd38.example.com>'),
      evidence: 'xvcbnhjhgngbfd38',
    },
  ],
});
