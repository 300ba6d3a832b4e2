import { eml, ruleTester } from '../../testing.js';
import rule from './refund-or-points.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary points talk',
      email: mail('Re: scoring', 'The team scored more points this season than last.'),
    },
    {
      name: 'tax talk',
      email: mail('Re: budget', 'The council discussed the property tax rate for next year.'),
    },
  ],
  invalid: [
    {
      name: 'a CPF that may be cancelled',
      email: mail('Atenção', 'Seu CPF pode ser cancelado em breve. Faça a regularização do seu CPF.'),
      evidence: 'CPF pode ser cancelado',
    },
    {
      name: 'a driving-licence offence',
      email: mail('Comunicado', 'Infração com pontuação grave em sua CNH.'),
      evidence: 'Infração com pontuação grave em sua CNH',
    },
    {
      name: 'e-Tax refund (ja)',
      email: mail('【重要】税務署からのお知らせ', '国税還付金の電子発行を開始しました。'),
      evidence: '還付金',
    },
    {
      name: 'points expiring (ja)',
      email: mail('ポイント失効のお知らせ', 'お客様のポイントが間もなく失効します。'),
      evidence: '失効',
    },
    {
      name: 'English tax refund',
      email: mail('HMRC', 'You are eligible to receive a tax refund of 265.84 GBP.'),
      evidence: 'tax refund',
    },
  ],
});
