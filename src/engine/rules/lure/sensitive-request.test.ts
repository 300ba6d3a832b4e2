import { DEFAULT_DATA } from '../../data/default.js';
import { eml, ruleTester } from '../../testing.js';
import rule from './sensitive-request.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'genuine warning never asks',
      email: mail('Security tips', 'We will never ask you to enter your password by email.'),
    },
    {
      name: 'ja genuine warning',
      email: mail('注意', '当社からパスワードの入力をお願いすることはありません。'),
    },
  ],
  invalid: [
    {
      name: 'the negation words come from the data: without them the warning reads as a request',
      email: mail('Security tips', 'We will never ask you to enter your password by email.'),
      data: {
        lures: { ...DEFAULT_DATA.lures, negations: { before: {}, after: {}, sources: [] } },
      },
      evidence: 'enter your password',
    },
    {
      name: 'enter password',
      email: mail('Verify', 'Please enter your password to continue.'),
      evidence: 'enter your password',
    },
    {
      name: 'CVV (ja)',
      email: mail('確認', 'カード番号とセキュリティコードを入力してください。'),
      evidence: 'セキュリティコード',
    },
    {
      name: 'OTP',
      email: mail('Code', 'Reply with the verification code we sent to your phone.'),
      evidence: 'verification code',
    },
  ],
});
