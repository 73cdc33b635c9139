import { tokenise } from '../language/nlp.js';
import { analyseStep } from './analyse.step.js';
import { decide } from './decide.rule.js';
import { RULE_STEPS } from './index.js';
import type { StepName, StepVerdicts } from './rule.types.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

/**
 * Each rule runs as its own queued job: it must never hold the event loop long enough to stall BullMQ's lock
 * renewal. Texts of 20,000 characters (the intake limit) built to be awkward: runs of pronouns and quotation marks,
 * phrase prefixes that never complete, one endless sentence. The bound asserted is generous so the test never
 * flakes on a machine shared with other work: a second, or twelve times the yardstick (wink-nlp reading the same text
 * alone, timed in the same run), whichever is more. The times are logged; on an idle machine the analysis of 20,000
 * characters takes about 150 ms and each rule step well under 50 ms.
 */
const LIMIT = 20_000;
const fill = (piece: string) => piece.repeat(Math.ceil(LIMIT / piece.length)).slice(0, LIMIT);
const ADVERSARIAL: Record<string, string> = {
  prose: fill("The Commissioner said he would not reply, but she told me 'you are a moron', then he pushed me; the officers laughed and the council ignored my letters about the precept. "),
  prefixes: fill('paid for his paid for the took my put his hand on her threatened to have my I will keep complaining every day until '),
  pronouns: fill('he she they him her his their I me we us our one another '),
  quotes: fill("'a' 'b 'c' \"d\" ‘e’ “f” it's don't residents' "),
  numbers: fill('£1,000,000.00 £14,250 forty 52 in a 30 10.15pm # '),
  oneWord: fill('x'),
  noSentenceEnd: fill('and the commissioner and the officer and the council and the mayor '),
};

const facts = (details: string) =>
  complaintFacts(details.slice(0, 300), details, {
    analysis: analyseStep('', '', null).findings,
    hasPostalAddress: false,
    earlierComplaints: [{ reference: 'PCC-EARLIER', summary: details.slice(0, 300), details, receivedAt: '2026-01-01T00:00:00.000Z', decided: true, similarity: 0.9 }],
  });

describe('cost of a rule step on 20,000 adversarial characters', () => {
  it.each(Object.keys(ADVERSARIAL))('%s: every rule, each from scratch as its own job, well within bounds', (name) => {
    const timings: Record<string, number> = {};
    const yardstickStarted = performance.now();
    tokenise(ADVERSARIAL[name]);
    const bound = Math.max(1000, 12 * (performance.now() - yardstickStarted));
    const verdicts = {} as StepVerdicts;
    const analysing = performance.now();
    verdicts.analyse = analyseStep(ADVERSARIAL[name].slice(0, 300), ADVERSARIAL[name], 'Alex Morgan');
    timings.analyse = Math.round((performance.now() - analysing) * 10) / 10;
    for (const [step, rule] of Object.entries(RULE_STEPS)) {
      const started = performance.now();
      // fresh facts for each step (as separate jobs have), sharing only the stored analysis
      (verdicts as Record<StepName, unknown>)[step as StepName] = rule.run({ ...facts(ADVERSARIAL[name]), analysis: verdicts.analyse.findings });
      timings[step] = Math.round((performance.now() - started) * 10) / 10;
    }
    const started = performance.now();
    decide(verdicts, facts(ADVERSARIAL[name]));
    timings.decide = Math.round((performance.now() - started) * 10) / 10;
    console.log(`${name}: ${JSON.stringify(timings)} ms`);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(bound);
  });
});
