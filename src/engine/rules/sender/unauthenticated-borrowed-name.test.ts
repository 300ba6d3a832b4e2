import { eml, ruleTester } from '../../testing.js';
import rule from './unauthenticated-borrowed-name.js';

const hop =
  'Received: from mail.azeb.example (mail.azeb.example. [203.0.113.7]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)';
const ar = (s: string) => `Authentication-Results: mx.google.com; ${s}`;
const mail = (from: string, result: string | null, extra: string[] = []) =>
  eml({
    headers: result === null ? extra : [hop, ar(result), ...extra],
    from,
    subject: 'Hello',
    text: 'Hello there.',
  });

ruleTester(rule, {
  valid: [
    {
      name: 'no trusted receiver: nothing is known about authentication',
      email: mail('Dating Expert <service@big-retailer.example>', null),
    },
    {
      name: 'authenticated: the domain really sent it, whatever the name',
      email: mail(
        'Dating Expert <service@big-retailer.example>',
        'dmarc=pass header.from=big-retailer.example',
      ),
    },
    {
      name: 'unauthenticated, but the name is the domain’s',
      email: mail(
        'Big Retailer Service <service@big-retailer.example>',
        'dmarc=none header.from=big-retailer.example',
      ),
    },
    {
      name: 'unauthenticated, a person with their name in the address',
      email: mail('Taro Yamada <taro.yamada@azeb.example>', 'dmarc=none header.from=azeb.example'),
    },
    {
      name: 'DMARC fail is auth/dmarc-fail’s to report',
      email: mail(
        'Dating Expert <service@big-retailer.example>',
        'dmarc=fail header.from=big-retailer.example',
      ),
    },
    {
      name: 'a mailing list re-sending a member’s mail',
      email: mail('Garden Club <member@azeb.example>', 'dmarc=none header.from=azeb.example', [
        'List-Id: <garden.lists.example>',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a campaign name on a well-known domain nothing proves',
      email: mail(
        'Dating Expert <service@big-retailer.example>',
        'dmarc=none header.from=big-retailer.example',
      ),
      evidence: 'Dating Expert',
      weight: 10,
    },
    {
      name: 'the envelope sender is yet another domain',
      email: mail(
        'Smoke Alarm Deals <service@big-retailer.example>',
        'spf=neutral smtp.mailfrom=academy.example',
        ['Return-Path: <x7.bounce@academy.example>'],
      ),
      evidence: 'Return-Path: <x7.bounce@academy.example>',
      weight: 15,
    },
    {
      name: 'only a third party’s DKIM passed',
      email: mail(
        'Security Alert Center <noreply@azeb.example>',
        'dkim=pass header.i=@bulk-esp.example; dmarc=none header.from=azeb.example',
      ),
      evidence: 'Security Alert Center',
    },
  ],
});
