import type { DecideFindings, ReviewReason } from '../rules/rule.types.js';

/** What the case shows of a triage's review: pending (reasons and due time), cleared (by whom and why), or none. */
export interface TriageReviewView {
  possibleOffence: boolean;
  review: null | { reasons: ReviewReason[]; dueAt: string; notes: string[] };
  reviewCleared: null | { reasons: ReviewReason[]; clearedAt: string; clearedBy: string | null; reason: string };
  /** The allegations found, each with its doer, and the model's opinion beside the rules'. */
  allegations: DecideFindings['allegations'];
  rulesCategory: string | null;
  model: DecideFindings['model'];
}

export interface ReviewRow {
  possible_offence: boolean;
  review_reasons: ReviewReason[];
  review_due_at: Date | null;
  review_cleared_at: Date | null;
  review_cleared_by_email: string | null;
  review_clear_reason: string | null;
  decide_findings: Partial<DecideFindings> | null;
}

/** SQL columns for ReviewRow, given the triage run as r and the complaint as c. */
export const REVIEW_COLUMNS = `r.possible_offence, r.review_reasons, r.review_cleared_at, r.review_clear_reason,
  (SELECT email FROM users WHERE id = r.review_cleared_by) AS review_cleared_by_email,
  (SELECT due_at FROM deadlines d WHERE d.complaint_id = r.complaint_id AND d.kind = 'triage_review' AND d.met_at IS NULL) AS review_due_at,
  (SELECT findings FROM triage_step_results s WHERE s.complaint_id = r.complaint_id AND s.ruleset_version = r.ruleset_version AND s.step = 'decide') AS decide_findings`;

export function reviewView(row: ReviewRow): TriageReviewView {
  const reasons = row.review_reasons ?? [];
  const f = row.decide_findings ?? {};
  return {
    possibleOffence: row.possible_offence,
    review: reasons.length && !row.review_cleared_at && row.review_due_at ? { reasons, dueAt: row.review_due_at.toISOString(), notes: f.reviewNotes ?? [] } : null,
    reviewCleared: row.review_cleared_at
      ? { reasons, clearedAt: row.review_cleared_at.toISOString(), clearedBy: row.review_cleared_by_email, reason: row.review_clear_reason ?? '' }
      : null,
    allegations: f.allegations ?? [],
    rulesCategory: f.rules ?? null,
    model: f.model ?? null,
  };
}
