import type { Category, SubjectRole } from '../../complaints/complaint-categories.js';
import type { ComplaintAnalysis } from '../language/analysis.types.js';
import type { Party } from '../language/parties.js';
import type { ModelOpinion } from '../model/triage-model.js';
import type { OffenceFinding } from './offence-screen.js';

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

/** Everything a rule may look at. Built from the database; rules never do I/O. */
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
  /** The language analysis stored by the analyse step (read once per complaint, never parsed again). */
  analysis: ComplaintAnalysis & { offences?: OffenceFinding[] };
}

export type RemitVerdict = 'office_holder' | 'force' | 'chief_constable' | 'opcc_staff' | 'other_body' | 'unclear';
export type Route = 'force' | 'pcc' | 'opcc_chief_executive' | 'other_body';

/** What each step finds, by step: the deciding step reads these, typed. */
export interface StepFindingsMap {
  /** The whole analysis, with the offence screen's findings, stored once for the other steps to read. */
  analyse: ComplaintAnalysis & { offences?: OffenceFinding[] };
  remit: { route: Route | null; body: string | null; party: string; scores: Record<string, number>; alsoAbout: string[] };
  criminal_allegation: {
    score: number;
    signals: string[];
    againstParty: string | null;
    rhetoric: string[];
    hints: string[];
    /** The possible-offence screen: offences found in the complaint, with their doers. */
    offences: OffenceFinding[];
  };
  vexatious: { processScore: number; abuseScore: number; saysRepeat: boolean; newMatter: boolean };
  repetition: {
    earlierCount?: number;
    closest?: string;
    threshold?: number;
    firstReference?: string;
    duplicateOf?: string | null;
    references?: string[];
    saysAgain?: boolean;
    somethingNew?: boolean;
  };
  political: { score: number; topics: string[] };
  conduct: { score: number; towardsOwnStaff: boolean; signals: string[] };
  model: ModelOpinion | { unavailable: true };
}

export const RULE_STEP_NAMES = ['remit', 'criminal_allegation', 'vexatious', 'repetition', 'political', 'conduct', 'model'] as const;
export type StepName = (typeof RULE_STEP_NAMES)[number];
export const ANALYSE_STEP = 'analyse';
export const DECIDE_STEP = 'decide';
/** Every recorded step of a triage, in the order officers read them. */
export const ALL_STEPS = [ANALYSE_STEP, ...RULE_STEP_NAMES, DECIDE_STEP] as const;

export interface StepVerdict<S extends keyof StepFindingsMap = keyof StepFindingsMap> {
  verdict: string;
  evidence: Evidence[];
  findings: StepFindingsMap[S];
}

/** The result of one step, told apart by its name. */
export type StepResult = { [S in keyof StepFindingsMap]: StepVerdict<S> & { step: S } }[keyof StepFindingsMap];

export interface RuleStep<S extends StepName = StepName> {
  name: S;
  /** One line for officers: what this step asks of a complaint. */
  question: string;
  run(facts: ComplaintFacts): StepVerdict<S>;
}

export type StepVerdicts = { [S in StepName]: StepVerdict<S> } & { analyse: StepVerdict<'analyse'> };

export const REVIEW_REASONS = ['possible_offence', 'low_confidence', 'rules_and_model_disagree', 'not_english', 'empty', 'conflicting_signals', 'duplicate_of_open', 'repeat_with_new_matter', 'abusive_with_allegation'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** One act the complaint alleges, with who did it and where it goes: shown to officers. */
export interface Allegation {
  quote: string;
  doer: Party;
  /** What it is: an offence family, "conduct", or where it is redirected. */
  what: string;
  /** The category this allegation alone would take. */
  category: Category;
  counted: boolean;
}

export interface DecideFindings {
  because: string;
  confidence: number;
  needsReview: boolean;
  reviewReasons: ReviewReason[];
  reviewNotes: string[];
  possibleOffence: boolean;
  /** The rules' own sign of an offence, before the model was heard. */
  rulesPossibleOffence: boolean;
  reg15Grounds: { ground: string; evidence: string }[];
  route: string | null;
  body: string | null;
  duplicateOf: string | null;
  rules: Category;
  model: ModelOpinion | null;
  allegations: Allegation[];
}

export interface Decision {
  verdict: Category;
  category: Category;
  evidence: Evidence[];
  findings: DecideFindings;
  confidence: number;
  needsReview: boolean;
  possibleOffence: boolean;
  reviewReasons: ReviewReason[];
  reg15Grounds: { ground: string; evidence: string }[];
}
