import { loadLabelled } from '../src/triage/evaluation/labelled-cases.js';
import { tokenise } from '../src/triage/language/nlp.js';
import { analyseStep } from '../src/triage/rules/analyse.step.js';
import { decide } from '../src/triage/rules/decide.rule.js';
import { RULE_STEPS } from '../src/triage/rules/index.js';
import { RULE_STEP_NAMES, type ComplaintFacts, type StepVerdicts } from '../src/triage/rules/rule.types.js';

/**
 * npm run bench:triage-cost: the CPU one complaint costs the triage, step by step (the analysis once, then every rule
 * step reading it, then the decision), for complaints of different lengths, against the yardstick of wink-nlp
 * reading the same text alone (so a busy machine shows in both columns). In one process, without the queue or the database: the cost issue 18 starts from.
 */
const labelled = loadLabelled();
const ordinary = labelled.map((c) => c.complaint).filter((c) => c.details.length > 600 && c.details.length < 1400);
const short = labelled.map((c) => c.complaint).filter((c) => c.details.length < 250);
const join = (n: number) => ordinary.map((c) => c.details).join('\n\n').repeat(5).slice(0, n);
const SETS: Array<[string, Array<{ summary: string; details: string; name: string | null }>]> = [
  ['short (under 250 characters)', short.map((c) => ({ summary: c.summary, details: c.details, name: c.subject.name ?? null }))],
  ['ordinary (600-1,400 characters)', ordinary.map((c) => ({ summary: c.summary, details: c.details, name: c.subject.name ?? null }))],
  ['unpunctuated, lower case (~1,000)', ordinary.map((c) => ({ summary: c.summary, details: c.details.toLowerCase().replace(/[.,;:!?'"()]/g, ' '), name: c.subject.name ?? null }))],
  ['5,000 characters', [{ summary: 'A long letter', details: join(5000), name: null }]],
  ['20,000 characters (the limit)', [{ summary: 'A very long letter', details: join(20000), name: null }]],
];

function facts(summary: string, details: string, name: string | null): Omit<ComplaintFacts, 'analysis'> {
  return { summary, details, subjectRole: 'pcc', subjectName: name, incidentDate: null, receivedAt: '2026-11-20T10:00:00Z', hasName: true, hasPostalAddress: true, earlierComplaints: [] };
}

/** CPU milliseconds of this process (user and system), so other work on a shared machine does not count. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function time(work: () => void, minimumMs = 1500): number {
  for (let warm = 0; warm < 20; warm++) work();
  let n = 0;
  const started = cpuMs();
  while (cpuMs() - started < minimumMs) {
    work();
    n++;
  }
  return (cpuMs() - started) / n;
}

console.log('triage cost per complaint (ms of CPU on one core), analysis once, each step from the stored analysis');
console.log('(wink alone: tokenise(), wink-nlp reading the text plus our reading of its tokens; 7 steps: each as its own job, shared: one analysis object for all seven; total: analyse + 7 steps + decide)');
console.log(`${'complaints'.padEnd(36)}${'chars'.padStart(8)}${'wink alone'.padStart(12)}${'analyse'.padStart(10)}${'7 steps'.padStart(10)}${'shared'.padStart(9)}${'decide'.padStart(9)}${'total'.padStart(9)}${'ms/1k chars'.padStart(13)}${'× wink'.padStart(8)}`);
for (const [name, items] of SETS) {
  const chars = items.reduce((s, c) => s + c.summary.length + c.details.length, 0) / items.length;
  const analyses = items.map((c) => analyseStep(c.summary, c.details, c.name));
  let i = 0;
  const wink = time(() => {
    const c = items[i++ % items.length];
    tokenise(`${c.summary}\n${c.details}`);
  });
  i = 0;
  const analyse = time(() => {
    const c = items[i++ % items.length];
    analyseStep(c.summary, c.details, c.name);
  });
  i = 0;
  // each step is its own queued job reading the stored analysis: a fresh copy each, so nothing one step matched is
  // reused by the next (sharing one object, as one process running every step may, costs less)
  const stepsOnly = time(() => {
    const k = i++ % items.length;
    const c = items[k];
    const f = facts(c.summary, c.details, c.name);
    for (const step of RULE_STEP_NAMES) RULE_STEPS[step].run({ ...f, analysis: { ...analyses[k].findings } });
  });
  i = 0;
  const stepsShared = time(() => {
    const k = i++ % items.length;
    const c = items[k];
    const f = { ...facts(c.summary, c.details, c.name), analysis: { ...analyses[k].findings } };
    for (const step of RULE_STEP_NAMES) RULE_STEPS[step].run(f);
  });
  const k0 = 0;
  const f0 = { ...facts(items[k0].summary, items[k0].details, items[k0].name), analysis: analyses[k0].findings };
  const verdicts = { analyse: analyses[k0] } as StepVerdicts;
  for (const step of RULE_STEP_NAMES) (verdicts as Record<string, unknown>)[step] = RULE_STEPS[step].run(f0);
  const decideMs = time(() => decide(verdicts, f0), 500);
  const total = analyse + stepsOnly + decideMs;
  console.log(
    `${name.padEnd(36)}${Math.round(chars).toString().padStart(8)}${wink.toFixed(2).padStart(12)}${analyse.toFixed(2).padStart(10)}${stepsOnly.toFixed(2).padStart(10)}${stepsShared.toFixed(2).padStart(9)}${decideMs.toFixed(2).padStart(9)}${total.toFixed(2).padStart(9)}${((1000 * total) / chars).toFixed(2).padStart(13)}${(total / wink).toFixed(1).padStart(8)}`,
  );
}
