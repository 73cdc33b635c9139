import type { StatsFigures } from './stats-figures.js';

type Cell = string | number | null;

/** A spreadsheet would run a cell that begins like a formula (OWASP's advice on CSV injection). */
const neutral = (value: Cell) => {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The figures as CSV, one figure a line: `section,group,measure,value`, e.g.
 * `timeliness,acknowledgement,metLate,3` or `triageAgreement,2.1.0+1a2b3c4d,confusion conduct → criminal,1`.
 */
export function statsCsv(f: StatsFigures): string {
  const lines: Cell[][] = [['section', 'group', 'measure', 'value']];
  const add = (section: string, group: string, measure: string, value: Cell) => lines.push([section, group, measure, value]);
  add('period', '', 'from', f.period.from);
  add('period', '', 'to', f.period.to);
  add('period', '', 'label', f.period.label);
  add('period', '', 'generatedAt', f.generatedAt);
  add('cases', '', 'cases', f.cases);
  add('cases', '', 'awaitingTriage', f.awaitingTriage);
  add('cases', '', 'overdue', f.overdue);
  add('cases', '', 'withdrawals', f.withdrawals);
  const counts: Array<[string, Record<string, number>]> = [
    ['byCategory', f.byCategory], ['byTriageCategory', f.byTriageCategory], ['byStatus', f.byStatus], ['byOutcome', f.byOutcome],
    ['byChannel', f.byChannel], ['bySubjectRole', f.bySubjectRole], ['repeats', f.repeats], ['erasures', f.erasures],
  ];
  for (const [section, values] of counts) for (const [key, n] of Object.entries(values)) add(section, '', key, n);
  for (const [key, value] of Object.entries(f.iopcReferrals)) add('iopcReferrals', '', key, value);
  for (const [kind, t] of Object.entries(f.timeliness)) for (const [key, value] of Object.entries(t)) add('timeliness', kind, key, value);
  for (const [version, a] of Object.entries(f.triageAgreement)) {
    for (const key of ['triaged', 'confirmed', 'overridden', 'awaitingReview'] as const) add('triageAgreement', version, key, a[key]);
    for (const [from, to] of Object.entries(a.confusion)) for (const [final, n] of Object.entries(to)) add('triageAgreement', version, `confusion ${from} → ${final}`, n);
  }
  for (const [version, o] of Object.entries(f.overridesByRulesetVersion)) for (const [state, n] of Object.entries(o)) add('overridesByRulesetVersion', version, state, n);
  for (const m of f.byMonth) for (const [category, n] of Object.entries(m.byCategory)) add('byMonth', m.month, category, n);
  return lines.map((line) => line.map(neutral).join(',')).join('\r\n') + '\r\n';
}
