import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Public } from '../auth/roles.decorator.js';
import { REDIS } from '../redis/redis.module.js';

const SERVICES = { type: 'object' as const, additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } } }, example: { postgres: { status: 'up' }, redis: { status: 'up' } } };

/** Terminus's report: each service up or down. */
class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: string;
  @ApiProperty({ ...SERVICES, description: 'the services that answered' }) info: Record<string, unknown>;
  @ApiProperty({ ...SERVICES, description: 'the services that did not, with why' }) error: Record<string, unknown>;
  @ApiProperty({ ...SERVICES, description: 'every service' }) details: Record<string, unknown>;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 when Postgres and Redis both answer, 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthReportDto, description: 'Postgres and Redis both answer' })
  @ApiResponse({ status: 503, type: HealthReportDto, description: 'One of them did not answer within 2 seconds: `error` names it' })
  @ApiOperation({ summary: 'Whether Postgres and Redis answer', description: '200 when both answer within 2 seconds; 503 with the same report, naming the one that did not, otherwise.' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.redisCheck(),
    ]);
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000)));
    try {
      await Promise.race([this.redis.ping(), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
