import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '../auth/roles.decorator.js';
import { DeadLettersService, type DeadLetter } from './dead-letters.service.js';

export class RetryDeadLettersDto {
  @ApiPropertyOptional({ type: [String], description: 'job ids; all failed jobs when absent' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true })
  jobIds?: string[];
}

class RetriedDto {
  @ApiProperty() retried: number;
}

@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  list(): Promise<{ total: number; items: DeadLetter[] }> {
    return this.deadLetters.list();
  }

  @Post('retry')
  @HttpCode(200)
  async retry(@Body() body: RetryDeadLettersDto): Promise<RetriedDto> {
    return { retried: await this.deadLetters.retry(body.jobIds) };
  }
}
