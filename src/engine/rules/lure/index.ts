import type { Rule } from '../../rule.js';
import accountThreat from './account-threat.js';
import chineseInJapanese from './chinese-in-japanese.js';
import cryptoBait from './crypto-bait.js';
import deliveryFee from './delivery-fee.js';
import fakeInvoice from './fake-invoice.js';
import genericGreeting from './generic-greeting.js';
import giftCard from './gift-card.js';
import paymentProblem from './payment-problem.js';
import prizeOrAdvanceFee from './prize-or-advance-fee.js';
import refundOrPoints from './refund-or-points.js';
import sensitiveRequest from './sensitive-request.js';
import sextortion from './sextortion.js';
import unofficialPhone from './unofficial-phone.js';
import urgency from './urgency.js';

export const LURE_RULES: Rule[] = [
  accountThreat,
  paymentProblem,
  deliveryFee,
  refundOrPoints,
  prizeOrAdvanceFee,
  cryptoBait,
  sextortion,
  giftCard,
  fakeInvoice,
  urgency,
  sensitiveRequest,
  genericGreeting,
  chineseInJapanese,
  unofficialPhone,
];
