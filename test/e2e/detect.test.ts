import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectKind } from '../../web/detect.js';

describe('web input detection', () => {
  it('a mail source: header lines first', () => {
    assert.equal(detectKind('Received: from x by y\r\nFrom: a@b.jp\r\nSubject: hi\r\n\r\nbody'), 'email');
    assert.equal(
      detectKind('Delivered-To: u@gmail.com\nReceived: by 1.2.3.4\n  with SMTP\nFrom: x@y\n\nbody'),
      'email',
    );
  });
  it('a single link, with or without a scheme', () => {
    assert.equal(detectKind('  https://amazon.co.jp.example.top/signin?id=1 \n'), 'url');
    assert.equal(detectKind('amazon-jp.example.top/login'), 'url');
    assert.equal(detectKind('hxxps://bad.example/x'), 'url');
  });
  it('an SMS or chat text', () => {
    assert.equal(detectKind('【Amazon】お客様のアカウントが停止されました https://x.example/'), 'text');
    assert.equal(detectKind('Subject: only one header line\n\nhello'), 'text');
    assert.equal(detectKind('a@b.jp'), 'text');
  });
  it('nothing', () => {
    assert.equal(detectKind('  \n '), 'empty');
  });
});
