import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findInlineForward } from './forwarded.js';

const ORIGINAL = 'Your account is locked. Sign in at https://login.example.top/ within 24 hours.';

function expectOriginal(body: string, from: string, subject: string): void {
  const f = findInlineForward(body);
  assert.ok(f, 'finds the forwarded original');
  assert.equal(f.from?.address, from);
  assert.equal(f.subject, subject);
  assert.ok(f.body.startsWith('Your account is locked'), f.body);
}

describe('findInlineForward', () => {
  it('Gmail, in English and Japanese', () => {
    expectOriginal(
      `FYI\n\n---------- Forwarded message ---------\nFrom: Bank <info@bank.example>\nDate: Mon, 1 Jan 2024 at 10:00\nSubject: Account locked\nTo: <me@example.jp>\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
    expectOriginal(
      `---------- 転送されたメッセージ ---------\nFrom: Bank <info@bank.example>\nDate: 2024年1月1日(月) 10:00\nSubject: アカウント停止\nTo: <me@example.jp>\n\n${ORIGINAL}`,
      'info@bank.example',
      'アカウント停止',
    );
  });

  it('Outlook: Original Message, an underscore rule, and its translated header names', () => {
    expectOriginal(
      `-----Original Message-----\nFrom: Bank [mailto:info@bank.example]\nSent: Monday, January 1, 2024 10:00 AM\nTo: me\nSubject: Account locked\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
    expectOriginal(
      `\n________________________________\n差出人: Bank <info@bank.example>\n送信日時: 2024年1月1日 10:00\n宛先: me@example.jp\n件名: アカウント停止\n\n${ORIGINAL}`,
      'info@bank.example',
      'アカウント停止',
    );
    expectOriginal(
      `\n________________________________\nDe: Banco <info@bank.example>\nEnviado: segunda-feira, 1 de janeiro de 2024 10:00\nPara: me@example.jp <me@example.jp>\nAssunto: Conta bloqueada\n\n${ORIGINAL}`,
      'info@bank.example',
      'Conta bloqueada',
    );
    expectOriginal(
      `________________________________\nVon: Bank <info@bank.example>\nGesendet: Montag, 1. Januar 2024 10:00\nAn: me@example.jp\nBetreff: Konto gesperrt\n\n${ORIGINAL}`,
      'info@bank.example',
      'Konto gesperrt',
    );
    expectOriginal(
      `------------------------------------------------------------------------\n*De:* Bank <info@bank.example>\n*Enviado:* sábado, 26 de agosto de 2023 21:21\n*Para:* me <me@example.jp>\n*Assunto:* Conta bloqueada\n${ORIGINAL}`,
      'info@bank.example',
      'Conta bloqueada',
    );
  });

  it('Thunderbird, as text and as its HTML header table', () => {
    expectOriginal(
      `-------- Forwarded Message --------\nSubject: \tAccount locked\nDate: \tMon, 1 Jan 2024 10:00:00 +0000\nFrom: \tBank <info@bank.example>\nTo: \tme@example.jp\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
    expectOriginal(
      `-------- 転送メッセージ --------\n件名:\nアカウント停止\n日付:\nMon, 1 Jan 2024 10:00:00 +0000\n差出人:\nBank <info@bank.example>\n宛先:\nme@example.jp\n\n${ORIGINAL}`,
      'info@bank.example',
      'アカウント停止',
    );
  });

  it('Yahoo and Apple Mail, in English and Japanese', () => {
    expectOriginal(
      `----- Forwarded Message -----\nFrom: Bank <info@bank.example>\nTo: me@example.jp\nSent: Monday, January 1, 2024, 10:00:00 AM GMT+9\nSubject: Account locked\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
    expectOriginal(
      `Begin forwarded message:\n\nFrom: Bank <info@bank.example>\nSubject: Account locked\nDate: January 1, 2024 at 10:00:00 JST\nTo: me@example.jp\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
    expectOriginal(
      `転送されたメッセージ:\n\n差出人: Bank <info@bank.example>\n件名: アカウント停止\n日付: 2024年1月1日 10:00:00 JST\n宛先: me@example.jp\n\n${ORIGINAL}`,
      'info@bank.example',
      'アカウント停止',
    );
  });

  it('skips a rule with no header block under it and takes the next one', () => {
    expectOriginal(
      `Look at this\n__________________\nSent from my phone\n\n________________________________\nFrom: Bank <info@bank.example>\nSubject: Account locked\n\n${ORIGINAL}`,
      'info@bank.example',
      'Account locked',
    );
  });

  it('finds nothing in a mail with a signature rule and no forwarded headers', () => {
    assert.equal(
      findInlineForward('Hello\n\n------------------------------\nTaro Yamada\nExample Inc.\n'),
      null,
    );
    assert.equal(findInlineForward('Meeting notes\nA: yes\nB: no\n'), null);
  });
});
