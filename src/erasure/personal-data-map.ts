/**
 * Every table, in one place: what personal data it holds and who erases it, or why it holds none. A test lists the
 * tables of a migrated database and fails when one is missing here, so a new table is classified before it ships;
 * another erases a case and searches a full pg_dump for the complainant.
 */
export const PERSONAL_DATA_TABLES: Record<string, { holds: string; erasure: string }> = {
  complainants: { holds: 'name, email, phone, postal address, the keys people are matched by, adjustments', erasure: 'ComplainantRecordsService.erase: name "[erased]", the rest emptied' },
  representatives: { holds: 'the representative’s name, relationship, email, address', erasure: 'ComplainantRecordsService.erase: "[erased]" and emptied' },
  complaints: { holds: 'summary, details, the office holder’s name as typed, the idempotency key and fingerprint', erasure: 'ComplainantRecordsService.erase: words "[erased]", the rest emptied; category, status, dates stay' },
  complaint_search_documents: { holds: 'the words of the complaint, stemmed, for the queue’s search', erasure: 'ComplainantRecordsService.erase: made again from the erased words' },
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
  office_holder_terms: 'the roles and dates office holders leave office, and their names if an admin gives them: public office holders, never complainants',
  staff_sessions: 'staff sign-ins',
  users: 'staff accounts',
  stats_daily: 'counts',
  stats_monthly: 'counts',
  stats_dirty_days: 'dates',
  stats_state: 'a sequence number',
  stats_working_days: 'the calendar',
  migrations: 'TypeORM’s record of migrations run',
};

/**
 * What an erasure does, in the words an admin reads before confirming one (the erasure page shows these, and
 * `GET /api/cases/{reference}/erasure` answers them): each line what goes, and what stays in its place and why.
 */
export const ERASURE_EFFECT: ReadonlyArray<{ removed: string; kept: string }> = [
  { removed: 'The complainant’s name, email address, phone number, postal address and adjustments', kept: 'That the case had a complainant, their language and how they wanted to be contacted' },
  { removed: 'The representative’s name, relationship, email address and postal address', kept: 'That there was a representative' },
  { removed: 'The complaint’s summary and details, and the office holder’s name as typed', kept: 'The channel, the office complained about, the dates, the status and the categories: what the statistics count' },
  { removed: 'Officers’ notes, the contact log’s words, the notes of every outcome, the reasons for changes of category and for clearing a review', kept: 'When, who, which outcome and which channel: the case’s history and its deadlines' },
  { removed: 'Letters’ addressee, address and wording (a letter not yet sent is never sent)', kept: 'Each letter’s kind, dates and how it was sent' },
  { removed: 'Evidence files: their names and contents are deleted', kept: 'That evidence was received, and when' },
  { removed: 'The triage’s quotes of the complaint', kept: 'Every triage step’s verdict and the rules’ own explanations' },
  { removed: 'The key the case log’s hashes of the case’s words were made with', kept: 'The case log, untouched: it still verifies, and its hashes can no longer be checked against a guess' },
];
