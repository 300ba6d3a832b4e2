import type { Rule } from '../../rule.js';

export const LURE_RULES: Rule[] = [];
