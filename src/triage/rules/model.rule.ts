import { complaintFeatures } from '../model/features.js';
import { currentModel } from '../model/triage-model.js';
import { offencesOf } from './offence-screen.js';
import type { RuleStep } from './rule.types.js';

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * A learned second opinion: logistic regression over lemma 1-2-grams and the analysis's signals, trained by
 * `npm run triage:train` on labelled complaints and officers' decisions. It never decides alone: the deciding step
 * shows it beside the rules and asks for a review when they disagree or it suspects an offence.
 */
export const modelRule: RuleStep<'model'> = {
  name: 'model',
  question: 'What would a model trained on past decisions say, and how sure is it?',
  run(facts) {
    const model = currentModel();
    if (!model) return { verdict: 'unavailable', evidence: [{ quote: '', meaning: 'no trained model in this build (npm run triage:train)' }], findings: { unavailable: true } };
    const opinion = model.opinion(complaintFeatures(facts.analysis, offencesOf(facts.analysis, `${facts.summary}\n${facts.details}`)));
    const ranked = Object.entries(opinion.probabilities).sort((a, b) => b[1] - a[1]);
    const meaning = `the model's opinion: ${ranked.map(([c, p]) => `${c} ${percent(p)}`).join(', ')}${opinion.criminal >= opinion.criminalThreshold ? `; criminal at or above its review threshold (${percent(opinion.criminalThreshold)})` : ''}`;
    return { verdict: opinion.label, evidence: [{ quote: '', meaning }], findings: opinion };
  },
};
