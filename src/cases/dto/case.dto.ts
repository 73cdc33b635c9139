import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoteDto } from './case-note.dto.js';

export class TriageStepDto {
  @ApiProperty() step: string;
  @ApiProperty() verdict: string;
  @ApiProperty({ type: [String], description: 'each piece of evidence as “quote”: meaning' }) evidence: string[];
  @ApiProperty({ description: 'the same evidence, structured' }) evidenceDetail: Array<{ quote: string; meaning: string }>;
  @ApiProperty() completedAt: string;
}

export class TriageDto {
  @ApiProperty() category: string;
  @ApiProperty() rulesetVersion: string;
  @ApiProperty() completedAt: string;
  @ApiProperty() confidence: number;
  @ApiProperty() needsReview: boolean;
  @ApiProperty() reg15Grounds: Array<{ ground: string; evidence: string }>;
  @ApiProperty({ description: 'some step saw a sign that the office holder may have committed an offence, whatever the category' }) possibleOffence: boolean;
  @ApiProperty({ nullable: true, description: 'an officer must look before the category stands: { reasons, dueAt, notes }; null when none or cleared' })
  review: { reasons: string[]; dueAt: string; notes: string[] } | null;
  @ApiProperty({ nullable: true, description: 'a review an officer cleared: { reasons, clearedAt, clearedBy, reason }' })
  reviewCleared: { reasons: string[]; clearedAt: string; clearedBy: string | null; reason: string } | null;
  @ApiProperty({ description: 'the acts alleged, each with its doer and the category it alone would take' }) allegations: Array<{ quote: string; doer: string; what: string; category: string; counted: boolean }>;
  @ApiProperty({ nullable: true, type: String, description: "the rules' category before the model was heard" }) rulesCategory: string | null;
  @ApiProperty({ nullable: true, description: "the model's opinion: label, probabilities, criminal threshold" }) model: { label: string; probabilities: Record<string, number>; criminal: number; criminalThreshold: number } | null;
  @ApiProperty({ type: [TriageStepDto] }) steps: TriageStepDto[];
}

export class DeadlineDto {
  @ApiProperty() kind: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) metAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the outcome, letter or change of category that met or stopped it' }) metBy: string | null;
  @ApiProperty({ enum: ['met', 'overdue', 'due_soon', 'open'] }) state: string;
  @ApiProperty() calculation: Record<string, unknown>;
}

export class CaseSummaryDto {
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) triageCategory: string | null;
  @ApiProperty() subjectRole: string;
  @ApiProperty() summary: string;
  @ApiProperty() channel: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ nullable: true, type: String }) assignee: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the earliest deadline not yet met falls due' }) nextDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'which deadline that is (acknowledgement, recording_decision, iopc_referral, …)' }) nextDueKind: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'the latest triage saw a possible offence by the office holder' }) possibleOffence: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'with review=true: when the review is due' }) reviewDueAt?: string | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
  @ApiProperty({ description: 'exact up to 10,000 matches; above that, an estimate (see totalIsEstimate)' }) total: number;
  @ApiProperty() totalIsEstimate: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CaseActionDto {
  @ApiProperty() kind: string;
  @ApiProperty() notes: string;
  @ApiProperty() fromStatus: string;
  @ApiProperty() toStatus: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty() recordedBy: string;
}

export class OverrideDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) fromCategory: string | null;
  @ApiProperty() toCategory: string;
  @ApiProperty({ nullable: true, type: String }) triageCategory: string | null;
  @ApiProperty({ nullable: true, type: String }) rulesetVersion: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'applied', 'rejected', 'superseded'] }) state: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiPropertyOptional({ nullable: true, type: String }) subjectName: string | null;
  @ApiProperty() details: string;
  @ApiPropertyOptional({ nullable: true, type: String }) incidentDate: string | null;
  @ApiProperty({ nullable: true, type: TriageDto }) triage: TriageDto | null;
  @ApiProperty({ type: [DeadlineDto] }) deadlines: DeadlineDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ nullable: true, description: 'the latest outcome or lifecycle step recorded' }) outcome: { kind: string; notes: string; recordedAt: string; recordedBy: string } | null;
  @ApiProperty({ type: [CaseActionDto] }) actions: CaseActionDto[];
  @ApiProperty({ type: [NoteDto], description: 'officers’ internal notes and the contact log, oldest first; never copied into a letter' }) notes: NoteDto[];
  @ApiProperty({ type: [OverrideDto], description: "officers' changes of category, beside the triage's" }) overrides: OverrideDto[];
  @ApiProperty({ nullable: true, type: OverrideDto, description: 'a downgrade of a criminal case waiting for a second officer' }) pendingOverride: OverrideDto | null;
  @ApiProperty({ type: [String], description: 'the outcomes the lifecycle allows now' }) allowedOutcomes: string[];
  @ApiProperty({ description: 'files the complainant sent: scan is clean, pending (quarantined until clamd scans it) or infected (deleted); auditors see no filenames' })
  evidence: Array<{ id: string; filename: string | null; size: number; sha256: string; mediaType: string; scan: string }>;
  @ApiProperty({ enum: ['en', 'cy'], description: 'the language of the form or API request: letters and emails go in it' }) language: string;
  @ApiProperty({ enum: ['email', 'post', 'phone'], description: 'post: letters are marked for post and printed' }) contactPreference: string;
  @ApiProperty({ description: 'personal data: shown to officers and admins; auditors see the id only' })
  complainant: { id: string; name?: string; email?: string | null; phone?: string | null; postalAddress?: string | null; adjustments?: string | null };
  @ApiProperty({ nullable: true, description: 'someone complaining for the complainant (copies of letters go to them); auditors see {} when there is one' })
  representative: { name?: string; relationship?: string; email?: string | null; postalAddress?: string | null; consent?: boolean | null } | null;
}
