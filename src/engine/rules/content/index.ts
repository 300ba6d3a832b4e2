import type { Rule } from '../../rule.js';

export const CONTENT_RULES: Rule[] = [];
