import { ruleTester } from '../../../testing.js';
import rule from '../url-profile.js';

// The kind of domain: TLDs common in phishing, dynamic DNS, free hosting and platform suffixes.
ruleTester(rule, {
  valid: [
    { name: 'a risky TLD alone', url: 'https://www.maylove.shop/' },
    { name: 'a free blog', url: 'https://someone.blogspot.com/2024/01/post.html' },
    { name: 'a named site on a platform suffix', url: 'https://tanaka-kobo.sakura.ne.jp/blog/' },
    { name: 'a risky TLD alone, a name that reads, given bare', url: 'https://kyoto-sakura.xyz/' },
  ],
  invalid: [
    { name: 'dynamic DNS', url: 'http://rdfeb.duckdns.org/', evidence: 'duckdns.org' },
    {
      name: 'a platform suffix from the Public Suffix List (not in our lists) with a random site name',
      url: 'https://xq7rk2pz.sakura.ne.jp/',
      evidence: 'sakura.ne.jp',
    },
    {
      name: 'the account name under workers.dev is the owner’s choice and counts',
      url: 'https://calm-sun-1a2b.xk7q9z2m.workers.dev/',
      evidence: 'workers.dev',
    },
    {
      name: 'a Cloudflare worker under its generated name (workers.dev is not for production)',
      url: 'https://icy-mountain-6825.tanaka.workers.dev/',
      evidence: 'workers.dev',
    },
    {
      name: 'a TLD where phishing is several percent of all domains',
      url: 'https://kawaii-mise.bond/',
      evidence: 'bond',
    },
  ],
});
