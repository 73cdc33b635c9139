import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { StatsQuery } from './dto/stats-query.dto.js';
import { STATS_SCHEMAS, StatsDto } from './dto/stats.dto.js';
import { statsCsv } from './stats-csv.js';
import { parsePeriod, type StatsPeriod } from './stats-period.js';
import { StatsService } from './stats.service.js';

/** A 400 naming each field that is wrong, in the API's usual shape. */
export function periodOrBadRequest(query: StatsQuery): StatsPeriod {
  const { period, errors } = parsePeriod(query);
  if (errors) throw new BadRequestException(Object.values(errors));
  return period;
}

@ApiTags('statistics')
@ApiBearerAuth()
@ApiExtraModels(...STATS_SCHEMAS)
@ApiBadRequestResponse({ description: 'a bad from, to, quarter or year, named in the message' })
@ApiUnauthorizedResponse({ description: 'not signed in' })
@ApiForbiddenResponse({ description: 'not an officer, auditor or admin' })
@Roles('officer', 'auditor')
@Controller('api')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('stats')
  @ApiOperation({ summary: 'Figures for the cases received in a period (all cases when no period is given)' })
  @ApiOkResponse({ type: StatsDto })
  figures(@Query() query: StatsQuery): Promise<StatsDto> {
    return this.stats.figures(periodOrBadRequest(query));
  }

  @Get('stats.csv')
  @ApiOperation({ summary: 'The same figures as CSV, one figure a line: section, group, measure, value' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  async csv(@Query() query: StatsQuery, @Res() reply: FastifyReply): Promise<void> {
    const period = periodOrBadRequest(query);
    const figures = await this.stats.figures(period);
    const name = `statistics-${period.from ?? 'start'}-to-${period.to ?? 'now'}.csv`;
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(statsCsv(figures));
  }
}
