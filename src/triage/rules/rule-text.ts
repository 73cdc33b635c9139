import type { ComplaintFacts } from './rule.types.js';

/** The text every rule reads: the summary, then the details. */
export const complaintText = (facts: ComplaintFacts) => `${facts.summary}\n${facts.details}`;
