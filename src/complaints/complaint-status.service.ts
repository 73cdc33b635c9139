import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../cases/case-status.js';
import { REFERENCE_PATTERN } from '../cases/case-reference.pipe.js';
import { emailKey } from './complainant-keys.js';

/** What each status means to the person who complained, in plain words. */
const PLAIN_WORDS: Record<CaseStatus, string> = {
  received: 'We have received your complaint and are assessing it.',
  triaged: 'We are deciding how your complaint should be handled.',
  referred_to_iopc: 'Your complaint has been referred to the Independent Office for Police Conduct (IOPC), which will decide whether to investigate it.',
  iopc_investigating: 'The Independent Office for Police Conduct (IOPC) is investigating your complaint.',
  referred_back: 'The IOPC has passed your complaint back to the panel, which will decide how to deal with it.',
  informal_resolution: 'The panel is dealing with your complaint by informal resolution.',
  comments_invited: 'The panel is dealing with your complaint by informal resolution and has asked for comments.',
  outcome_recorded: 'The panel has recorded the outcome of your complaint and written to you about it.',
  disapplied: 'The panel has decided not to take your complaint further and has written to you to explain why.',
  not_recorded: 'Your complaint was not recorded as a conduct complaint. The panel has written to you to explain why and where you can raise it.',
  redirected: 'Your complaint is a matter for another organisation. The panel has told you where to send it.',
  withdrawn: 'Your complaint has been withdrawn.',
  closed: 'Your complaint is closed.',
};

export interface ComplainantView {
  reference: string;
  receivedOn: string;
  whereItStands: string;
}

@Injectable()
export class ComplaintStatusService {
  constructor(private readonly dataSource: DataSource) {}

  /** The status of one complaint, only to someone who knows both its reference and the email it was sent from. */
  async lookup(reference: string, email: string): Promise<ComplainantView | null> {
    if (!REFERENCE_PATTERN.test(reference.trim().toUpperCase())) return null;
    const [row] = (await this.dataSource.query(
      `SELECT c.reference, c.received_at, c.status, p.email_key FROM complaints c JOIN complainants p ON p.id = c.complainant_id
        WHERE c.reference = $1`,
      [reference.trim().toUpperCase()],
    )) as Array<{ reference: string; received_at: Date; status: CaseStatus; email_key: string }>;
    if (!row || row.email_key !== emailKey(email)) return null;
    return {
      reference: row.reference,
      receivedOn: DateTime.fromJSDate(row.received_at, { zone: 'Europe/London' }).toFormat('d LLLL yyyy'),
      whereItStands: PLAIN_WORDS[row.status],
    };
  }
}
