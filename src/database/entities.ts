import { CaseEvent } from '../audit/case-event.entity.js';
import { QueuedCaseEvent } from '../audit/queued-case-event.entity.js';
import { CaseAction } from '../cases/case-action.entity.js';
import { ClassificationOverride } from '../cases/classification-override.entity.js';
import { Complainant } from '../complaints/complainant.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { Letter } from '../letters/letter.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { StatsDaily } from '../stats/stats-daily.entity.js';
import { StatsDirtyDay } from '../stats/stats-dirty-day.entity.js';
import { StatsMonthly } from '../stats/stats-monthly.entity.js';
import { StatsState } from '../stats/stats-state.entity.js';
import { StatsWorkingDay } from '../stats/stats-working-day.entity.js';
import { TriageRun } from '../triage/triage-run.entity.js';
import { TriageStepResult } from '../triage/triage-step-result.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [CaseAction, CaseEvent, ClassificationOverride, Complainant, Complaint, Deadline, Letter, OutboxMessage, QueuedCaseEvent, StatsDaily, StatsDirtyDay, StatsMonthly, StatsState, StatsWorkingDay, TriageRun, TriageStepResult, User];
