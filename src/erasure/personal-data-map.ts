/**
 * Every table, in one place: what personal data it holds and who erases it, or why it holds none. A test lists the
 * tables of a migrated database and fails when one is missing here, so a new table is classified before it ships;
 * another erases a case and searches a full pg_dump for the complainant.
 */
export const PERSONAL_DATA_TABLES: Record<string, { holds: string; erasure: string }> = {
  complainants: { holds: 'name, email, phone, postal address, the keys people are matched by, adjustments', erasure: 'ComplainantRecordsService.erase: name "[erased]", the rest emptied' },
  representatives: { holds: 'the representative’s name, relationship, email, address', erasure: 'ComplainantRecordsService.erase: "[erased]" and emptied' },
  complaints: { holds: 'summary, details, the office holder’s name as typed, the idempotency key and fingerprint', erasure: 'ComplainantRecordsService.erase: words "[erased]", the rest emptied; category, status, dates stay' },
  case_notes: { holds: 'officers’ notes and the contact log', erasure: 'CaseNotesService.eraseText: "[erased]"; when, who and how stay' },
  case_actions: { holds: 'notes of each outcome recorded', erasure: 'CaseWorkService.eraseNotes: "[erased]"; the outcomes stay' },
  classification_overrides: { holds: 'reasons for changes of category', erasure: 'OverridesService.eraseReasons: "[erased]"; the changes stay' },
  letters: { holds: 'addressee, address, wording, a mail server’s error', erasure: 'LettersService.erasePersonalData: "[erased]"; unsent letters marked failed' },
  evidence_files: { holds: 'files’ names and hashes', erasure: 'EvidenceService.eraseFiles: deleted' },
  evidence_contents: { holds: 'the files’ bytes', erasure: 'deleted with evidence_files (ON DELETE CASCADE)' },
  triage_step_results: { holds: 'quotes of the complaint, the language analysis', erasure: 'TriageErasureService.erase: quotes emptied, analysis reduced to its language' },
  triage_runs: { holds: 'reg 15 grounds’ quotes, an officer’s reason for clearing a review', erasure: 'TriageErasureService.erase: scrubbed, "[erased]"' },
  case_text_keys: { holds: 'the key that makes the case log’s hashes of the case’s text checkable', erasure: 'CaseTextKeys.destroy: deleted' },
};

export const TABLES_WITHOUT_PERSONAL_DATA: Record<string, string> = {
  case_events: 'the case log: ids, statuses, categories and keyed hashes only (tested by personal-data and erasure e2e)',
  case_event_queue: 'events waiting to be chained, as case_events',
  case_log_checkpoints: 'signed heads of the chain',
  deadlines: 'kinds and dates',
  outbox: 'ids of work to queue',
  legal_holds: 'admins’ reasons for a hold (the form asks for why, not who)',
  personal_data_erasures: 'who erased what and why; a reason naming the complainant is refused',
  office_holder_terms: 'the roles and dates office holders leave office',
  staff_sessions: 'staff sign-ins',
  users: 'staff accounts',
  stats_daily: 'counts',
  stats_monthly: 'counts',
  stats_dirty_days: 'dates',
  stats_state: 'a sequence number',
  stats_working_days: 'the calendar',
  migrations: 'TypeORM’s record of migrations run',
};
