import { Module } from '@nestjs/common';
import { ComplainantRecordsService } from './complainant-records.service.js';
import { ComplainantDetailsService } from './complainant-details.service.js';
import { ComplaintStatusService } from './complaint-status.service.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

@Module({ controllers: [ComplaintsController], providers: [ComplaintsService, ComplaintStatusService, ComplainantDetailsService, ComplainantRecordsService], exports: [ComplaintsService, ComplaintStatusService, ComplainantDetailsService, ComplainantRecordsService] })
export class ComplaintsModule {}
