import type { Category, SubjectRole } from '../../complaints/complaint-categories.js';

/** One piece of evidence: the exact words of the complaint that moved a rule, and what the rule took them to mean. */
export interface Evidence {
  quote: string;
  meaning: string;
}

/** An earlier complaint by the same person, found by the repetition look-up. */
export interface EarlierComplaint {
  reference: string;
  summary: string;
  details: string;
  receivedAt: string;
  /** True once the panel has reached a decision on it (closed, disapplied, not recorded, resolved...). */
  decided: boolean;
  /** 0..1 trigram similarity of the two complaints' text, computed by Postgres. */
  similarity: number;
}

/** Everything a rule may look at. Built once per step from the database; rules never do I/O. */
export interface ComplaintFacts {
  summary: string;
  details: string;
  subjectRole: SubjectRole;
  subjectName: string | null;
  incidentDate: string | null;
  receivedAt: string;
  hasName: boolean;
  hasPostalAddress: boolean;
  earlierComplaints: EarlierComplaint[];
}

export interface StepVerdict {
  verdict: string;
  evidence: Evidence[];
  findings: Record<string, unknown>;
}

export interface RuleStep {
  name: StepName;
  /** One line for officers: what this step asks of a complaint. */
  question: string;
  run(facts: ComplaintFacts): StepVerdict;
}

export const RULE_STEP_NAMES = ['remit', 'criminal_allegation', 'vexatious', 'repetition', 'political', 'conduct'] as const;
export type StepName = (typeof RULE_STEP_NAMES)[number];
export const DECIDE_STEP = 'decide';

export interface Decision extends StepVerdict {
  verdict: Category;
  category: Category;
  confidence: number;
  needsReview: boolean;
  reg15Grounds: { ground: string; evidence: string }[];
}
