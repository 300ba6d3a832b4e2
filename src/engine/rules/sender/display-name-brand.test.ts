import { eml, ruleTester } from '../../testing.js';
import rule from './display-name-brand.js';

ruleTester(rule, {
  valid: [
    {
      name: 'brand name with its own domain',
      email: eml({ from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>', subject: 'x', text: 'x' }),
    },
    { name: 'a person’s name', email: eml({ from: 'Taro Yamada <taro@azeb.net>', subject: 'x', text: 'x' }) },
  ],
  invalid: [
    {
      name: 'Amazon display name on an unrelated domain',
      email: eml({ from: 'Amazon.co.jp <info@azeb.net>', subject: 'x', text: 'x' }),
      evidence: 'azeb.net',
    },
    {
      name: 'full-width brand name',
      email: eml({ from: '"Ａｍａｚｏｎ" <info@azeb.net>', subject: 'x', text: 'x' }),
      evidence: 'azeb.net',
    },
  ],
});
