import { eml, ruleTester } from '../../testing.js';
import rule from './display-name-domain.js';

const from = (f: string) => eml({ from: f, subject: 'x', text: 'x' });

ruleTester(rule, {
  valid: [
    { name: 'a person', email: from('Taro Yamada <taro@example.jp>') },
    { name: 'its own domain as the name', email: from('Example.com <news@example.com>') },
    { name: 'its own domain, the mail from a subdomain', email: from('Example.com <news@mail.example.com>') },
    { name: 'the same name under another suffix', email: from('Shop-Example.jp <news@shop-example.com>') },
    { name: 'an initial and a surname', email: from('J.Smith <j.smith@example.org>') },
    { name: 'no domain at all', email: from('Support Team <help@example.org>') },
  ],
  invalid: [
    {
      name: 'a crypto firm’s domain as the name of a stranger',
      email: from('Kelvin.Finance <claims-x@es.unrelated-example.tech>'),
      evidence: 'Kelvin.Finance',
    },
    {
      name: 'a domain and a word',
      email: from('proton.me Helpdesk <admin@school.example.id>'),
      evidence: 'proton.me',
    },
    {
      name: 'an address in the name (weaker)',
      email: from('help@care-wallet.io via Survey <member@survey-tool.example>'),
      evidence: 'help@care-wallet.io',
    },
  ],
});
