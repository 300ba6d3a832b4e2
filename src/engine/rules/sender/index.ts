import type { Rule } from '../../rule.js';
import brandDomainInLocalPart from './brand-domain-in-local-part.js';
import displayNameDomain from './display-name-domain.js';
import freeMailBrand from './free-mail-brand.js';
import freeMailInvoice from './free-mail-invoice.js';
import freeMailStrangerBait from './free-mail-stranger-bait.js';
import generatedAddressBorrowedName from './generated-address-borrowed-name.js';
import implausibleTimezone from './implausible-timezone.js';
import linksToOneOtherSite from './links-to-one-other-site.js';
import machineMadeAddress from './machine-made-address.js';
import malformedFrom from './malformed-from.js';
import platformTenantSender from './platform-tenant-sender.js';
import recipientAddressGreeting from './recipient-address-greeting.js';
import recipientInSubject from './recipient-in-subject.js';
import replyElsewhere from './reply-elsewhere.js';
import replyToMismatch from './reply-to-mismatch.js';
import returnPathMismatch from './return-path-mismatch.js';
import unauthenticatedBorrowedName from './unauthenticated-borrowed-name.js';
import unrelatedDisplayName from './unrelated-display-name.js';

export const SENDER_RULES: Rule[] = [
  brandDomainInLocalPart,
  freeMailBrand,
  freeMailInvoice,
  replyToMismatch,
  replyElsewhere,
  returnPathMismatch,
  implausibleTimezone,
  recipientInSubject,
  recipientAddressGreeting,
  displayNameDomain,
  machineMadeAddress,
  generatedAddressBorrowedName,
  unrelatedDisplayName,
  unauthenticatedBorrowedName,
  linksToOneOtherSite,
  malformedFrom,
  platformTenantSender,
  freeMailStrangerBait,
];
