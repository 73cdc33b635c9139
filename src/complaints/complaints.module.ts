import { Module } from '@nestjs/common';
import { ComplaintStatusService } from './complaint-status.service.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

@Module({ controllers: [ComplaintsController], providers: [ComplaintsService, ComplaintStatusService], exports: [ComplaintsService, ComplaintStatusService] })
export class ComplaintsModule {}
