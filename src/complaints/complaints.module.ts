import { Module } from '@nestjs/common';
import { ComplainantDetailsService } from './complainant-details.service.js';
import { ComplaintStatusService } from './complaint-status.service.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

@Module({ controllers: [ComplaintsController], providers: [ComplaintsService, ComplaintStatusService, ComplainantDetailsService], exports: [ComplaintsService, ComplaintStatusService, ComplainantDetailsService] })
export class ComplaintsModule {}
