import { ruleTester } from '../../testing.js';
import rule from './executable-attachment.js';
import { withAttachment, zip } from './fixtures.test.js';

ruleTester(rule, {
  valid: [
    { name: 'a PDF invoice', email: withAttachment('invoice.pdf', 'application/pdf', '%PDF-1.4 test') },
    { name: 'a photo', email: withAttachment('photo.jpg', 'image/jpeg', 'jpeg') },
    {
      name: 'an Office document without macros',
      email: withAttachment('report.docx', 'application/octet-stream', 'PK'),
    },
    {
      name: 'a ZIP of documents',
      email: withAttachment('docs.zip', 'application/zip', zip([{ name: 'a.pdf' }, { name: 'b.xlsx' }])),
    },
    { name: 'a file called "exe-report.txt"', email: withAttachment('exe-report.txt', 'text/plain', 'x') },
  ],
  invalid: [
    {
      name: 'a Windows program',
      email: withAttachment('setup.exe', 'application/octet-stream', 'MZ'),
      evidence: 'setup.exe',
    },
    {
      name: 'a screensaver',
      email: withAttachment('photo.scr', 'application/octet-stream', 'MZ'),
      evidence: 'photo.scr',
    },
    { name: 'a script', email: withAttachment('請求書.js', 'text/javascript', 'x'), evidence: '請求書.js' },
    {
      name: 'a shortcut (.lnk)',
      email: withAttachment('Document.lnk', 'application/octet-stream', 'L'),
      evidence: '.lnk',
    },
    {
      name: 'a disk image',
      email: withAttachment('order.iso', 'application/octet-stream', 'x'),
      evidence: 'order.iso',
    },
    {
      name: 'a macro workbook',
      email: withAttachment('見積書.xlsm', 'application/octet-stream', 'PK'),
      evidence: '見積書.xlsm',
    },
    {
      name: 'a double extension',
      email: withAttachment('invoice.pdf.exe', 'application/octet-stream', 'MZ'),
      evidence: 'invoice.pdf.exe',
    },
    {
      name: 'upper-case extension',
      email: withAttachment('SCAN.PDF.VBS', 'application/octet-stream', 'x'),
      evidence: 'SCAN.PDF.VBS',
    },
    {
      name: 'a right-to-left override hiding .exe',
      email: withAttachment('invoice\u202Efdp.exe', 'application/octet-stream', 'MZ'),
      evidence: 'invoice',
    },
    {
      name: 'an Android app',
      email: withAttachment('update.apk', 'application/vnd.android.package-archive', 'PK'),
      evidence: 'update.apk',
    },
    {
      name: 'an iOS configuration profile',
      email: withAttachment('mail.mobileconfig', 'application/octet-stream', '<plist/>'),
      evidence: 'mobileconfig',
    },
    {
      name: 'a program inside a ZIP',
      email: withAttachment(
        'documents.zip',
        'application/zip',
        zip([{ name: 'readme.txt' }, { name: 'scan/invoice.pdf.exe' }]),
      ),
      evidence: 'invoice.pdf.exe',
    },
    {
      name: 'a script inside an encrypted ZIP (names stay readable)',
      email: withAttachment('doc.zip', 'application/zip', zip([{ name: 'doc.js', encrypted: true }])),
      evidence: 'doc.js',
    },
  ],
});
