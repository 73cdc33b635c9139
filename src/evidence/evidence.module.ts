import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceService } from './evidence.service.js';
import { VirusScanner } from './virus-scanner.service.js';

/** Evidence a complainant sends: checked, scanned by clamd, stored, shown and downloaded on the case. */
@Module({ controllers: [EvidenceController], providers: [EvidenceService, VirusScanner], exports: [EvidenceService, VirusScanner] })
export class EvidenceModule {}
