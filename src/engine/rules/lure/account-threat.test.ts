import { eml, ruleTester } from '../../testing.js';
import rule from './account-threat.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'genuine-sounding newsletter',
      email: mail('Weekly digest', "Here are this week's top stories about account management software."),
    },
    {
      name: 'mentions suspension in passing',
      email: mail('Re: football', 'The referee suspended the match because of rain.'),
    },
  ],
  invalid: [
    {
      name: 'signature request',
      email: mail('Document Queue Update', 'Signature required: a document is waiting for your review.'),
      evidence: 'Signature required',
    },
    {
      name: 'fake virus alert (de)',
      email: mail('Warnung', 'Auf Ihrem Gerät wurden mehrere Viren erkannt!'),
      evidence: 'Viren erkannt',
    },
    {
      name: 'Amazon seed: account suspended (ja)',
      email: mail('お客様のAmazonアカウントが一時的に停止されました', 'ご確認ください。'),
      evidence: 'アカウントが一時的に停止',
    },
    {
      name: 'Amazon seed: sign-in detected (ja)',
      email: mail(
        'Amazonセキュリティ警告: サインインが検出されました',
        '心当たりがない場合は確認してください。',
      ),
      evidence: 'サインインが検出',
    },
    {
      name: 'English suspended',
      email: mail(
        'Notice',
        'Your account has been temporarily suspended due to unusual activity on your account.',
      ),
      evidence: 'suspended',
    },
    {
      name: 'Portuguese new access',
      email: mail('Alerta', 'Detectamos um novo acesso à sua conta hoje.'),
      evidence: 'Detectamos um novo acesso',
    },
    {
      name: 'German verify',
      email: mail('Hinweis', 'Bitte bestätigen Sie Ihre Daten innerhalb von 24 Stunden.'),
      evidence: 'bestätigen Sie Ihre Daten',
    },
    {
      name: 'full-width text folds',
      email: mail('ｙｏｕｒ ａｃｃｏｕｎｔ ｈａｓ ｂｅｅｎ ｌｏｃｋｅｄ', 'x'),
      evidence: 'ｌｏｃｋｅｄ',
    },
  ],
});
