import { eml, ruleTester } from '../../testing.js';
import rule from './styled-letters.js';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary letters',
      email: eml({ from: 'Shop <a@shop.example>', subject: 'Open now', text: 'Hello' }),
    },
    {
      name: 'full-width Latin is ordinary in Japanese text',
      email: eml({ from: 'ショップ <a@shop.example>', subject: 'ＡＢＣカードのお知らせ', text: 'ＡＢＣ' }),
    },
    {
      name: 'one mathematical symbol in a formula is not a styled word',
      email: eml({ from: 'A <a@example.org>', subject: 'Notes', text: 'Let 𝑥 be the unknown.' }),
    },
  ],
  invalid: [
    {
      name: 'a bold-looking subject',
      email: eml({ from: 'Deals <a@mailer.example>', subject: '𝗢𝗽𝗲𝗻 𝗡𝗼𝘄 — free gift', text: 'x' }),
      evidence: '𝗢𝗽𝗲𝗻 𝗡𝗼𝘄',
    },
    {
      name: 'a styled sender name',
      email: eml({ from: '𝐒𝐔𝐏𝐏𝐎𝐑𝐓 <a@mailer.example>', subject: 'Hi', text: 'x' }),
      evidence: '𝐒𝐔𝐏𝐏𝐎𝐑𝐓',
    },
  ],
});
