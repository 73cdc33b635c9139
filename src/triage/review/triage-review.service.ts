import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../../audit/case-log.service.js';
import { CaseTextKeys } from '../../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../../auth/staff-user.js';
import { DomainError } from '../../common/domain-error.js';
import { DeadlinesService } from '../../deadlines/deadlines.service.js';
import type { ReviewClearedDto } from './clear-review.dto.js';

export const REVIEW_CLEARED = 'review cleared';

/**
 * An officer clears a triage's review: they looked, and say why the category stands. For a possible offence that
 * reason is the positive evidence that clears it (the act was someone else's, the words are rhetoric); it is kept
 * on the triage, and the case log records who cleared which reasons, with a hash of the reason.
 */
@Injectable()
export class TriageReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly deadlines: DeadlinesService,
  ) {}

  async clear(reference: string, reason: string, staff: StaffUser): Promise<ReviewClearedDto> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT c.id, r.id AS run_id, r.review_reasons, r.possible_offence, r.review_cleared_at, r.ruleset_version
           FROM complaints c
           LEFT JOIN LATERAL (SELECT * FROM triage_runs WHERE complaint_id = c.id ORDER BY completed_at DESC LIMIT 1) r ON true
          WHERE c.reference = $1 FOR UPDATE OF c`,
        [reference],
      )) as Array<{ id: string; run_id: string | null; review_reasons: string[] | null; possible_offence: boolean; review_cleared_at: Date | null; ruleset_version: string }>;
      if (!found) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
      if (!found.run_id) throw new DomainError('CASE.AWAITING_TRIAGE', 'The case is still awaiting triage', 409);
      if (!found.review_reasons?.length || found.review_cleared_at) throw new DomainError('TRIAGE.NO_REVIEW', 'The triage of this case is not waiting for a review', 409);
      const [[cleared]] = (await manager.query(
        `UPDATE triage_runs SET review_cleared_at = now(), review_cleared_by = $2, review_clear_reason = $3 WHERE id = $1 RETURNING review_cleared_at`,
        [found.run_id, staff.id, reason],
      )) as [Array<{ review_cleared_at: Date }>, number];
      await this.deadlines.meet(manager, found.id, ['triage_review'], REVIEW_CLEARED);
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'triage.review_cleared',
        details: { complaintId: found.id, rulesetVersion: found.ruleset_version, reviewReasons: found.review_reasons, possibleOffence: found.possible_offence, reasonHmac: await this.textKeys.hash(manager, found.id, reason) },
      });
      return { reference, clearedReasons: found.review_reasons, clearedAt: cleared.review_cleared_at.toISOString() };
    });
  }
}
