import type { Rule } from '../rule.js';
import compauthFail from './auth/compauth-fail.js';
import dmarcFail from './auth/dmarc-fail.js';
import forgedResults from './auth/forged-results.js';
import genuineSender from './auth/genuine-sender.js';
import spfFail from './auth/spf-fail.js';
import unauthenticated from './auth/unauthenticated.js';
import impersonation from './brand/impersonation.js';
import { CONTENT_RULES } from './content/index.js';
import listed from './indicator/listed.js';
import { LINK_RULES } from './links/index.js';
import { LURE_RULES } from './lure/index.js';
import displayNameBrand from './sender/display-name-brand.js';
import { SENDER_RULES } from './sender/index.js';

/** Every rule the engine runs, in report order within equal weights. */
export const RULES: Rule[] = [
  genuineSender,
  dmarcFail,
  compauthFail,
  spfFail,
  unauthenticated,
  forgedResults,
  impersonation,
  displayNameBrand,
  ...SENDER_RULES,
  ...LINK_RULES,
  ...LURE_RULES,
  ...CONTENT_RULES,
  listed,
];
