import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { lockCase } from '../cases/case-lock.js';
import { canonicalJson } from '../common/canonical-json.js';
import { addressKey, emailKey, nameKey } from './complainant-keys.js';
import type { UpdateComplainantDto } from './dto/update-complainant.dto.js';

const FIELDS = ['name', 'email', 'phone', 'postalAddress'] as const;

interface Details {
  name: string;
  email: string;
  phone: string | null;
  postalAddress: string | null;
}

/**
 * Officers correct a complainant's details (a new address, a phone number taken on a call). The change is logged by
 * which fields changed and a hash of the new details, never the details themselves.
 */
@Injectable()
export class ComplainantDetailsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
  ) {}

  /** Returns the fields that changed (none when the values were already so). */
  async update(reference: string, changes: UpdateComplainantDto, staff: StaffUser): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      const [row] = (await manager.query(
        `SELECT p.id, p.name, p.email, p.phone, p.postal_address FROM complainants p JOIN complaints c ON c.complainant_id = p.id WHERE c.id = $1 FOR UPDATE OF p`,
        [found.id],
      )) as Array<{ id: string; name: string; email: string; phone: string | null; postal_address: string | null }>;
      const before: Details = { name: row.name, email: row.email, phone: row.phone, postalAddress: row.postal_address };
      const tidy = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim());
      const after: Details = {
        name: tidy(changes.name) ?? before.name,
        email: tidy(changes.email) ?? before.email,
        phone: changes.phone === undefined ? before.phone : (tidy(changes.phone) ?? null),
        postalAddress: changes.postalAddress === undefined ? before.postalAddress : (tidy(changes.postalAddress) ?? null),
      };
      const changed = FIELDS.filter((f) => before[f] !== after[f]);
      if (!changed.length) return [];
      await manager.query(
        `UPDATE complainants SET name = $2, email = $3, phone = $4, postal_address = $5, email_key = $6, name_key = $7, address_key = $8 WHERE id = $1`,
        [row.id, after.name, after.email, after.phone, after.postalAddress, emailKey(after.email), nameKey(after.name), addressKey(after.postalAddress)],
      );
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'complainant.updated',
        details: { complaintId: found.id, complainantId: row.id, changed, detailsHmac: await this.textKeys.hash(manager, found.id, canonicalJson(after)) },
      });
      return changed;
    });
  }
}
