import type { Rule } from '../../rule.js';
import accountThreat from './account-threat.js';
import callToActionElsewhere from './call-to-action-elsewhere.js';
import casinoBonus from './casino-bonus.js';
import celebrityEndorsement from './celebrity-endorsement.js';
import chineseInJapanese from './chinese-in-japanese.js';
import clearanceOffer from './clearance-offer.js';
import combined from './combined.js';
import cryptoBait from './crypto-bait.js';
import deliveryFee from './delivery-fee.js';
import fakeInvoice from './fake-invoice.js';
import genericGreeting from './generic-greeting.js';
import getRich from './get-rich.js';
import giftCard from './gift-card.js';
import insuranceQuote from './insurance-quote.js';
import loanOffer from './loan-offer.js';
import miracleProduct from './miracle-product.js';
import paymentProblem from './payment-problem.js';
import prizeOrAdvanceFee from './prize-or-advance-fee.js';
import promoPressure from './promo-pressure.js';
import refundOrPoints from './refund-or-points.js';
import romanceBait from './romance-bait.js';
import sensitiveRequest from './sensitive-request.js';
import sextortion from './sextortion.js';
import surveyReward from './survey-reward.js';
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
  romanceBait,
  miracleProduct,
  casinoBonus,
  surveyReward,
  getRich,
  loanOffer,
  insuranceQuote,
  clearanceOffer,
  promoPressure,
  celebrityEndorsement,
  callToActionElsewhere,
  // Last: it reads the matches the phrase rules above have already found.
  combined,
];
