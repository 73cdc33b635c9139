import { ApiProperty } from '@nestjs/swagger';

class PeriodDto {
  @ApiProperty({ nullable: true, type: String, description: 'first day of receipt counted; null = no bound' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'last day of receipt counted; null = no bound' }) to: string | null;
  @ApiProperty() label: string;
}

class TimelinessDto {
  @ApiProperty({ description: 'met by the end of the due day' }) met: number;
  @ApiProperty({ description: 'met after the due day' }) metLate: number;
  @ApiProperty({ description: 'not met, not yet due' }) open: number;
  @ApiProperty({ description: 'not met, past the due day' }) overdue: number;
  @ApiProperty({ description: 'ended by withdrawal, closure or a change of category before being met' }) stopped: number;
  @ApiProperty({ nullable: true, type: Number, description: 'median working days from start to met (met and met late)' }) medianWorkingDays: number | null;
}

class IopcReferralsDto extends TimelinessDto {
  @ApiProperty({ description: 'cases referred to the IOPC' }) referred: number;
}

class AgreementDto {
  @ApiProperty({ description: 'cases this rule-set version triaged' }) triaged: number;
  @ApiProperty({ description: 'reviewed by officers, who kept its category' }) confirmed: number;
  @ApiProperty({ description: "reviewed by officers, whose final category differs from this version's" }) overridden: number;
  @ApiProperty({ description: 'not yet reviewed by officers' }) awaitingReview: number;
  @ApiProperty({ description: "of the reviewed: this version's category → officers' final category → cases" }) confusion: Record<string, Record<string, number>>;
}

class MonthDto {
  @ApiProperty({ example: '2026-04' }) month: string;
  @ApiProperty() cases: number;
  @ApiProperty({ description: 'by category in force, and awaiting_triage' }) byCategory: Record<string, number>;
}

/** GET /api/stats: the figures for cases received in the period. */
export class StatsDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ description: 'cases received in the period' }) cases: number;
  @ApiProperty() awaitingTriage: number;
  @ApiProperty({ description: 'cases with a deadline past its due day and not met' }) overdue: number;
  @ApiProperty({ description: 'by category in force (the officers’ where they overrode)' }) byCategory: Record<string, number>;
  @ApiProperty({ description: 'by the latest triage’s category' }) byTriageCategory: Record<string, number>;
  @ApiProperty() byStatus: Record<string, number>;
  @ApiProperty({ description: 'cases with each outcome or step recorded (a case counts under each it had)' }) byOutcome: Record<string, number>;
  @ApiProperty() byChannel: Record<string, number>;
  @ApiProperty() bySubjectRole: Record<string, number>;
  @ApiProperty() withdrawals: number;
  @ApiProperty({ description: 'cases the repetition step found repeating an earlier one, by verdict' }) repeats: Record<string, number>;
  @ApiProperty({ type: IopcReferralsDto }) iopcReferrals: IopcReferralsDto;
  @ApiProperty({ description: 'deadline kind → timeliness', type: 'object', additionalProperties: { $ref: '#/components/schemas/TimelinessDto' } })
  timeliness: Record<string, TimelinessDto>;
  @ApiProperty({ description: 'rule-set version → agreement with officers', type: 'object', additionalProperties: { $ref: '#/components/schemas/AgreementDto' } })
  triageAgreement: Record<string, AgreementDto>;
  @ApiProperty({ description: 'override rows by the rule-set version of the triage they overrode, and state' })
  overridesByRulesetVersion: Record<string, { applied: number; pending: number; rejected: number; superseded: number }>;
  @ApiProperty({ type: [MonthDto], description: 'cases by month of receipt and category' }) byMonth: MonthDto[];
}

export const STATS_SCHEMAS = [TimelinessDto, AgreementDto];
