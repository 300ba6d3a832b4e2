import type { Rule } from '../../rule.js';

export const SENDER_RULES: Rule[] = [];
