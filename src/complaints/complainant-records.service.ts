import { Injectable } from '@nestjs/common';
import { affected, ERASED, type ErasedRows, type Queryable } from '../common/erased.js';
import { searchDocumentOf } from './search-document.js';

/** What identifies the person behind a complaint, for a check that no erasure reason repeats it. */
export interface PersonTraces {
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

/**
 * The complaints module's part in erasure and subject access: the complainant's personal data (complainants,
 * representatives) and the complaint's own words, which this module owns.
 */
@Injectable()
export class ComplainantRecordsService {
  /**
   * Every complaint by the same person as this one, this one first: the same normalised email address, or the same
   * name and address, as the repetition rule recognises a person. An erased complaint has no keys left, so it is
   * found only by itself.
   */
  async sameComplainant(db: Queryable, complaintId: string): Promise<string[]> {
    const rows = (await db.query(
      `WITH me AS (SELECT p.* FROM complainants p JOIN complaints c ON c.complainant_id = p.id WHERE c.id = $1),
            people AS (SELECT p.id FROM me JOIN complainants p ON p.email_key = me.email_key
                       UNION SELECT p.id FROM me JOIN complainants p ON p.name_key = me.name_key AND p.address_key = me.address_key
                        WHERE me.name_key <> '')
       SELECT c.id FROM complaints c WHERE c.id = $1
       UNION ALL
       (SELECT c.id FROM people JOIN complaints c ON c.complainant_id = people.id WHERE c.id <> $1 ORDER BY c.received_at)`,
      [complaintId],
    )) as Array<{ id: string }>;
    return [...new Set(rows.map((r) => r.id))];
  }

  async traces(db: Queryable, complaintId: string): Promise<PersonTraces | null> {
    const [row] = (await db.query(
      `SELECT p.name, p.email, p.phone, p.postal_address FROM complainants p JOIN complaints c ON c.complainant_id = p.id WHERE c.id = $1`,
      [complaintId],
    )) as Array<{ name: string; email: string | null; phone: string | null; postal_address: string | null }>;
    return row ? { name: row.name, email: row.email, phone: row.phone, postalAddress: row.postal_address } : null;
  }

  /**
   * Replaces the complainant's name and the complaint's words with a marker and empties everything else that
   * identifies a person: contact details, the keys the repetition rule matches people by, adjustments, the
   * representative, the office holder's name as the complainant typed it, and the idempotency key and fingerprint of
   * the submission, and the search document made from the words. What the statistics count (channel, role, dates,
   * status, categories) is left alone.
   */
  async erase(db: Queryable, complaintId: string): Promise<ErasedRows> {
    const complainants = affected(await db.query(
      `UPDATE complainants p SET name = $2, email = NULL, phone = NULL, postal_address = NULL, email_key = NULL, name_key = '', address_key = NULL, adjustments = NULL
         FROM complaints c WHERE c.complainant_id = p.id AND c.id = $1`,
      [complaintId, ERASED],
    ));
    const representatives = affected(await db.query(
      `UPDATE representatives SET name = $2, relationship = $2, email = NULL, postal_address = NULL WHERE complaint_id = $1`,
      [complaintId, ERASED],
    ));
    const complaints = affected(await db.query(
      `UPDATE complaints SET summary = $2::text, details = $2::text, subject_name = NULL, idempotency_key = NULL, idempotency_hash = NULL, personal_data_erased_at = now()
        WHERE id = $1`,
      [complaintId, ERASED],
    ));
    // the document the queue searches is made again from the erased words, as at intake: the old words go with it
    const documents = affected(await db.query(
      `UPDATE complaint_search_documents s SET document = ${searchDocumentOf('c')} FROM complaints c WHERE c.id = s.complaint_id AND c.id = $1`,
      [complaintId],
    ));
    return { complainants, representatives, complaints, complaint_search_documents: documents };
  }
}
