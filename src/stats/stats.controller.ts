import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
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
@ApiExtraModels(...STATS_SCHEMAS)
@ApiErrors({ 400: 'a bad from, to, quarter or year, or more than one kind of period, named in the message' })
@Roles('officer', 'auditor')
@Controller('api')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('stats')
  @ApiOperation({
    summary: 'Figures for the cases received in a period (all cases when no period is given)',
    description: 'By category, channel, subject, outcome and deadline met on time or late, from a summary kept up to date as cases change. A period is `from` and `to`, a `quarter` or a financial `year`.',
  })
  @ApiOkResponse({ type: StatsDto })
  figures(@Query() query: StatsQuery): Promise<StatsDto> {
    return this.stats.figures(periodOrBadRequest(query));
  }

  @Get('stats.csv')
  @ApiOperation({ summary: 'The same figures as CSV, one figure a line: section, group, measure, value', description: 'The period as for `GET /api/stats`; an attachment named after it.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv', schema: FILE_SCHEMA })
  async csv(@Query() query: StatsQuery, @Res() reply: FastifyReply): Promise<void> {
    const period = periodOrBadRequest(query);
    const figures = await this.stats.figures(period);
    const name = `statistics-${period.from ?? 'start'}-to-${period.to ?? 'now'}.csv`;
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(statsCsv(figures));
  }
}
