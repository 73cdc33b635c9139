import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { DrainLoop } from '../common/drain-loop.js';
import { Environment } from '../config/environment.js';
import { VirusScanner } from './virus-scanner.service.js';

const BATCH = 5;

/**
 * Worker processes scan the files that wait in quarantine because clamd was down when they arrived: every
 * EVIDENCE_RESCAN_SECONDS, a few at a time, each row locked (SKIP LOCKED) so workers side by side never scan one twice.
 * Clean files become downloadable; an infected one has its bytes deleted at once. While clamd is still down nothing
 * changes, and the next tick tries again: a file is never released unscanned.
 */
@Injectable()
export class EvidenceRescanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Evidence');
  private readonly loop = new DrainLoop('scanning evidence in quarantine', () => this.scanBatch(), BATCH, this.logger);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scanner: VirusScanner,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.env.EVIDENCE_RESCAN_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Scans up to BATCH pending files; returns how many it settled (fewer than BATCH ends the drain). */
  async scanBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const pending = (await manager.query(
        `SELECT e.id, e.complaint_id, e.sha256, c.reference, x.content
           FROM evidence_files e JOIN complaints c ON c.id = e.complaint_id JOIN evidence_contents x ON x.evidence_id = e.id
          WHERE e.scan = 'pending' ORDER BY e.created_at LIMIT ${BATCH} FOR UPDATE OF e SKIP LOCKED`,
      )) as Array<{ id: string; complaint_id: string; sha256: string; reference: string; content: Buffer }>;
      let settled = 0;
      for (const file of pending) {
        const result = await this.scanner.scan(file.content);
        if (result.verdict === 'unavailable') return settled; // clamd still down: try again on the next tick
        const infected = result.verdict === 'infected';
        await manager.query(`UPDATE evidence_files SET scan = $2, scanned_at = now(), virus = $3 WHERE id = $1`, [file.id, result.verdict, infected ? result.virus : null]);
        if (infected) await manager.query(`DELETE FROM evidence_contents WHERE evidence_id = $1`, [file.id]);
        await this.caseLog.append(manager, {
          reference: file.reference,
          actor: 'worker',
          type: 'evidence.scanned',
          details: { complaintId: file.complaint_id, evidenceId: file.id, sha256Hmac: await this.textKeys.hash(manager, file.complaint_id, file.sha256), scan: result.verdict, ...(infected ? { virus: result.virus } : {}) },
        });
        if (infected) this.logger.warn({ evidenceId: file.id, virus: result.virus }, 'evidence held in quarantine was infected: its content is deleted');
        settled++;
      }
      return settled;
    });
  }
}
