import type { Rule } from '../../rule.js';

export const LINK_RULES: Rule[] = [];
