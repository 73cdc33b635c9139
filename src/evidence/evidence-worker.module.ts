import { Module } from '@nestjs/common';
import { EvidenceRescanService } from './evidence-rescan.service.js';
import { VirusScanner } from './virus-scanner.service.js';

/** What a worker process adds: scanning the files that wait in quarantine because clamd was down. */
@Module({ providers: [EvidenceRescanService, VirusScanner] })
export class EvidenceWorkerModule {}
