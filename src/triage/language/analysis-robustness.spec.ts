import fc from 'fast-check';
import { analyseStep } from '../rules/analyse.step.js';
import { RULE_STEPS } from '../rules/index.js';

/**
 * Whatever a complainant types, the analysis and every step answer: an exception here would leave a complaint
 * untriaged (its job retried, then dead-lettered). Words are drawn from the kinds that trip tokenisers: contractions
 * with and without apostrophes, text-speak, punctuation runs, numbers, links, emoji and Welsh.
 */
const WORDS = [
  'the', 'commissioner', "commissioner's", 'pcc', 'he', 'she', 'i', 'we', 'they', 'wont', "won't", 'cant', "can't", 'dont',
  "don't", 'didnt', 'isnt', 'aint', 'im', 'ive', 'youre', 'wouldnt', 'shouldnt', 'hit', 'stole', 'money', 'u', 'r', 'msgs',
  'callin', 'sayin', 'n', 'not', 'never', 'no', 'without', '£342.60', '12/07/2026', '5', '...', '.', ',', '!', '?', '!!!', '??',
  "'", '"', '(', ')', '-', '—', '*', 'p***', 'https://example.org/a?b=c', 'x@example.net', '🙂', '👮‍♂️', 'Mae', "comisiynydd", 'ŵ',
  '\n', '\n\n', '   ', 'said', 'told', 'me', 'that', 'his', 'office', 'took', 'points', 'wife', 'driver',
];

/** Words joined by a space, nothing ("wont.") or a line break, as people type them. */
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '', '\n')), { maxLength: 60 })
  .map((pairs) => pairs.map(([word, gap]) => word + gap).join(''));

describe('the analysis on any text', () => {
  it('reads contractions without apostrophes before punctuation (wink gives them no lemma)', () => {
    for (const sample of ['i wont.', 'he cant.', 'we dont.', 'dont think i wont.']) {
      expect(() => analyseStep(sample, sample, null)).not.toThrow();
    }
  });

  it('never throws, and every rule step answers from what it found', () => {
    fc.assert(
      fc.property(text, text, (summary, details) => {
        const { findings } = analyseStep(summary, details, null);
        for (const rule of Object.values(RULE_STEPS)) {
          rule.run({
            summary, details, subjectRole: 'pcc', subjectName: null, incidentDate: null, receivedAt: '2026-12-03T10:00:00.000Z',
            hasName: true, hasPostalAddress: false, earlierComplaints: [], analysis: findings,
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
