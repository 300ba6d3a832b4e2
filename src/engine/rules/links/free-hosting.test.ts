import { ruleTester } from '../../testing.js';
import rule from './free-hosting.js';

ruleTester(rule, {
  valid: [
    { name: 'a company domain', url: 'https://www.example.co.jp/' },
    { name: 'the hosting service’s own home page', url: 'https://www.duckdns.org/' },
    { name: 'a name that only contains a hosting domain', url: 'https://pages.dev.example.com/' },
  ],
  invalid: [
    { name: 'dynamic DNS', url: 'https://1g2xt61go.duckdns.org/', evidence: 'duckdns.org' },
    {
      name: 'workers.dev',
      url: 'https://aged-sun-12ab.someone.workers.dev/jp/login',
      evidence: 'workers.dev',
    },
    {
      name: 'a shared dynamic DNS domain whose name does not say so (ChangeIP)',
      url: 'https://qwerty-login.onedumb.com/',
      evidence: 'onedumb.com',
    },
    { name: 'No-IP', url: 'http://home-cam.servebeer.com:8080/', evidence: 'servebeer.com' },
    { name: 'firebase app', url: 'https://secure-check-7f2a.web.app/', evidence: 'web.app' },
  ],
});
