import type { Rule } from '../../rule.js';
import brandImitationHost from './brand-imitation-host.js';
import brandLinkUnofficial from './brand-link-unofficial.js';
import credentialPath from './credential-path.js';
import domainInSubdomain from './domain-in-subdomain.js';
import freeHosting from './free-hosting.js';
import ipHost from './ip-host.js';
import lookalikeCharacters from './lookalike-characters.js';
import randomHost from './random-host.js';
import redirect from './redirect.js';
import riskyTld from './risky-tld.js';
import shortener from './shortener.js';
import textDomainMismatch from './text-domain-mismatch.js';
import urlProfile from './url-profile.js';
import userContentLure from './user-content-lure.js';
import userinfoTrick from './userinfo-trick.js';

export const LINK_RULES: Rule[] = [
  brandImitationHost,
  userinfoTrick,
  lookalikeCharacters,
  textDomainMismatch,
  domainInSubdomain,
  ipHost,
  freeHosting,
  userContentLure,
  brandLinkUnofficial,
  randomHost,
  credentialPath,
  redirect,
  shortener,
  riskyTld,
  urlProfile,
];
