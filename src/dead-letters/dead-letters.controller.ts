import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../common/openapi.js';
import { DeadLettersService } from './dead-letters.service.js';

export class RetryDeadLettersDto {
  @ApiPropertyOptional({ type: [String], description: 'job ids; all failed jobs when absent' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true })
  jobIds?: string[];
}

class RetriedDto {
  @ApiProperty({ description: 'how many jobs went back on their queue' }) retried: number;
}

class DeadLetterDto {
  @ApiProperty() jobId: string;
  @ApiProperty({ example: 'triage', description: 'triage or letters' }) queue: string;
  @ApiProperty({ description: 'the job’s name: a triage step, acknowledge or send' }) step: string;
  @ApiProperty({ nullable: true, type: String, description: 'the complaint the job was for (triage, acknowledgement)' }) complaintId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the letter the job was sending' }) letterId: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'the last attempt’s error' }) failedReason: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) failedAt: string | null;
}

class DeadLettersDto {
  @ApiProperty({ description: 'failed jobs on every queue' }) total: number;
  @ApiProperty({ type: [DeadLetterDto], description: 'the latest 200, newest first' }) items: DeadLetterDto[];
}

@ApiTags('operations')
@Roles('admin')
@Controller('api/admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Jobs that failed every attempt', description: 'Triage steps and letter jobs that ran out of attempts (with exponential backoff between), newest first.' })
  @ApiOkResponse({ type: DeadLettersDto })
  list(): Promise<DeadLettersDto> {
    return this.deadLetters.list();
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put failed jobs back on their queues', description: 'The jobs named, or every failed job when `jobIds` is absent. Jobs no longer failed are skipped.' })
  @ApiOkResponse({ type: RetriedDto })
  @ApiErrors({ 400: 'jobIds is not a list of job ids' })
  async retry(@Body() body: RetryDeadLettersDto): Promise<RetriedDto> {
    return { retried: await this.deadLetters.retry(body.jobIds) };
  }
}
