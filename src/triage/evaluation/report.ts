import { CATEGORY_ORDER, type Outcome } from './cross-validate.js';

export interface Figures {
  size: number;
  right: number;
  accuracy: number;
  ci: [number, number];
  criminal: number;
  criminalCaught: number;
  nonCriminal: number;
  nonCriminalReviewed: number;
  reviewRate: number;
}

/** Wilson score interval: honest for small samples and for accuracies near 0 or 1. */
export function wilson(right: number, n: number, z = 1.96): [number, number] {
  if (!n) return [0, 0];
  const p = right / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function figures(outcomes: Outcome[]): Figures {
  const right = outcomes.filter((o) => o.decision.category === o.labelled.category).length;
  const criminal = outcomes.filter((o) => o.labelled.category === 'criminal');
  const nonCriminal = outcomes.filter((o) => o.labelled.category !== 'criminal');
  const reviewed = nonCriminal.filter((o) => o.decision.reviewReasons.length > 0).length;
  return {
    size: outcomes.length,
    right,
    accuracy: outcomes.length ? right / outcomes.length : 0,
    ci: wilson(right, outcomes.length),
    criminal: criminal.length,
    criminalCaught: criminal.filter((o) => o.decision.category === 'criminal' || o.decision.possibleOffence).length,
    nonCriminal: nonCriminal.length,
    nonCriminalReviewed: reviewed,
    reviewRate: nonCriminal.length ? reviewed / nonCriminal.length : 0,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The printed report: accuracy with its interval, the confusion matrix, criminal recall, review rate, worst errors. */
export function report(title: string, outcomes: Outcome[], worst = 15): string {
  const f = figures(outcomes);
  const lines = [
    `== ${title}`,
    `accuracy ${f.right}/${f.size} = ${pct(f.accuracy)} (95% CI ${pct(f.ci[0])}–${pct(f.ci[1])})`,
    `criminal recall (criminal or flagged possibleOffence): ${f.criminalCaught}/${f.criminal}${f.criminal ? ` = ${pct(f.criminalCaught / f.criminal)}` : ''}`,
    `review rate on non-criminal complaints: ${f.nonCriminalReviewed}/${f.nonCriminal} = ${pct(f.reviewRate)}`,
    '',
    `${'expected \\ got'.padEnd(16)}${CATEGORY_ORDER.map((c) => c.padStart(13)).join('')}`,
    ...CATEGORY_ORDER.map((expected) => `${expected.padEnd(16)}${CATEGORY_ORDER.map((got) => String(outcomes.filter((o) => o.labelled.category === expected && o.decision.category === got).length).padStart(13)).join('')}`),
    '',
    'worst errors (missed criminal first, then the most confident wrong):',
  ];
  const wrong = outcomes
    .filter((o) => o.decision.category !== o.labelled.category)
    .map((o) => {
      const missed = o.labelled.category === 'criminal' && !o.decision.possibleOffence && o.decision.category !== 'criminal';
      return { o, missed, score: (missed ? 10 : 0) + o.decision.confidence };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, worst);
  for (const { o, missed } of wrong) {
    const d = o.decision;
    const model = d.findings.model ? ` model ${d.findings.model.label} ${pct(d.findings.model.probabilities[d.findings.model.label])}` : '';
    lines.push(
      `  ${missed ? 'MISSED CRIMINAL ' : ''}${o.labelled.id} [${o.labelled.source ?? ''}]: expected ${o.labelled.category}, got ${d.category} (rules ${d.findings.rules},${model}, confidence ${d.confidence}${d.reviewReasons.length ? `, review: ${d.reviewReasons.join(', ')}` : ''})`,
      `      “${o.labelled.complaint.summary.slice(0, 160)}”`,
    );
  }
  return lines.join('\n');
}
