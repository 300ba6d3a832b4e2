import { eml, ruleTester } from '../../testing.js';
import rule from './platform-tenant-sender.js';

ruleTester(rule, {
  valid: [
    {
      name: "a Firebase app's own sign-in mail, the name repeating the project",
      email: eml({
        from: 'Snapnote <noreply@snapnote-3f2a1.firebaseapp.com>',
        subject: 'Verify your email',
        text: 'x',
      }),
    },
    {
      name: 'a small office on its Microsoft 365 default domain, named as the tenant',
      email: eml({ from: 'Kato Dental Clinic <info@katodental.onmicrosoft.com>', text: 'x' }),
    },
    { name: 'no display name', email: eml({ from: 'noreply@abc-123.web.app', text: 'x' }) },
    { name: 'a company domain', email: eml({ from: 'Costco <news@costco.example>', text: 'x' }) },
    { name: 'the platform itself', email: eml({ from: 'Firebase <noreply@firebaseapp.com>', text: 'x' }) },
  ],
  invalid: [
    {
      name: 'a retailer on a throw-away Microsoft 365 tenant',
      email: eml({ from: 'Costco\u00ae <xjy@cvbnmzx.onmicrosoft.com>', subject: 'Gift alert', text: 'x' }),
      evidence: 'cvbnmzx.onmicrosoft.com',
    },
    {
      name: 'a voucher service on a Firebase project',
      email: eml({ from: 'Gutschein-Service <no-reply@hccoot.firebaseapp.com>', text: 'x' }),
      evidence: 'hccoot.firebaseapp.com',
    },
    {
      name: 'a streaming offer on web.app',
      email: eml({ from: 'Free Trial TV <noreply@promo-8fb71.web.app>', text: 'x' }),
      evidence: 'From: Free Trial TV',
    },
  ],
});
