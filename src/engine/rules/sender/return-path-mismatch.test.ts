import { eml, ruleTester } from '../../testing.js';
import rule from './return-path-mismatch.js';

ruleTester(rule, {
  valid: [
    {
      name: 'no brand claimed',
      email: eml({
        headers: ['Return-Path: <bounce@other.example>'],
        from: 'Taro <taro@example.jp>',
        subject: 'hello',
        text: 'x',
      }),
    },
    {
      name: 'a brand mail bouncing through a shared mail service',
      email: eml({
        headers: ['Return-Path: <0100abc@amazonses.com>'],
        from: 'Amazon.co.jp <info@shop.example>',
        subject: 'Amazon',
        text: 'x',
      }),
    },
    {
      name: 'a bounce domain of the same organisation',
      email: eml({
        headers: ['Return-Path: <b@bounce.rakuten.co.jp>'],
        from: '楽天市場 <info@mail.rakuten.com>',
        subject: '楽天市場',
        text: 'x',
      }),
    },
  ],
  invalid: [
    {
      name: 'a brand-speaking mail bouncing to a stranger',
      email: eml({
        headers: ['Return-Path: <bounce@qwzxk.example.co.uk>'],
        from: 'Amazon.co.jp <no-reply@amazon-notice.example>',
        subject: 'Amazon',
        text: 'x',
      }),
      evidence: 'Return-Path: <bounce@qwzxk.example.co.uk>',
    },
  ],
});
