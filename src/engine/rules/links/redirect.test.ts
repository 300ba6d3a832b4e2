import { ruleTester } from '../../testing.js';
import rule from './redirect.js';

ruleTester(rule, {
  valid: [
    { name: 'a direct link', url: 'https://www.example.com/page?next=/home' },
    { name: 'a redirect within the same site', url: 'https://www.google.com/url?q=https://maps.google.com/' },
    {
      name: 'the reader’s own mail security wrapper',
      url: 'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.com%2F&data=x',
    },
  ],
  invalid: [
    {
      name: 'google redirect to another site',
      url: 'https://www.google.com/url?q=https://evil.example.top/login',
      evidence: 'evil.example.top',
    },
    {
      name: 'open redirect path',
      url: 'https://www.example.org/redirect?to=https://phish.example.top/',
      evidence: 'phish.example.top',
    },
  ],
});
