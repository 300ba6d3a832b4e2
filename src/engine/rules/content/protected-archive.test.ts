import { ruleTester } from '../../testing.js';
import { withAttachment, zip } from './fixtures.test.js';
import rule from './protected-archive.js';

const RAR = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 1, 2, 3]);

ruleTester(rule, {
  valid: [
    {
      name: 'an ordinary ZIP',
      email: withAttachment('photos.zip', 'application/zip', zip([{ name: 'a.jpg' }])),
    },
    {
      name: 'a RAR with no password in the text',
      email: withAttachment('data.rar', 'application/x-rar', RAR),
    },
    {
      name: 'a PDF with a password mentioned',
      email: withAttachment('a.pdf', 'application/pdf', '%PDF', 'パスワードは別途お送りします'),
    },
  ],
  invalid: [
    {
      name: 'an encrypted ZIP',
      email: withAttachment('請求書.zip', 'application/zip', zip([{ name: '請求書.doc', encrypted: true }])),
      evidence: '請求書.zip',
    },
    {
      name: 'an encrypted ZIP with the password in the mail (Emotet style)',
      email: withAttachment(
        'doc.zip',
        'application/zip',
        zip([{ name: 'doc.xls', encrypted: true }]),
        'パスワード: 1234',
      ),
      evidence: 'パスワード',
    },
    {
      name: 'a RAR with the password in the body',
      email: withAttachment('invoice.rar', 'application/x-rar', RAR, 'Password: 5521'),
      evidence: 'invoice.rar',
    },
  ],
});
