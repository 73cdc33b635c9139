import { analyseComplaint } from '../language/analysis.js';
import { screenOffences } from './offence-screen.js';
import type { StepVerdict } from './rule.types.js';

const LANGUAGE_NAMES: Record<string, string> = { cy: 'Welsh' };

/**
 * The first step: reads the complaint once (sentences, lemmas, parts of speech, who does what, negation) and
 * stores the analysis for every other step. Its verdict says whether there is English text to read.
 */
export function analyseStep(summary: string, details: string, subjectName: string | null): StepVerdict<'analyse'> {
  const language = analyseComplaint(summary, details, subjectName);
  // the offence screen reads only the analysis: run once here, read by the criminal step and the model. Added to the
  // same object, not a copy: the token view the screen built is kept per analysis object (viewOf), so the rule steps
  // a triage thread runs next on this analysis reuse it rather than numbering every token again.
  const analysis = Object.assign(language, { offences: screenOffences(language, `${summary}\n${details}`) });
  const sentences = analysis.sentences.length;
  const meaning =
    analysis.language === 'empty' ? 'no words to read (only punctuation, links or numbers): an officer must read it'
    : analysis.language === 'not_english'
      ? `written mostly in ${LANGUAGE_NAMES[analysis.otherLanguage ?? ''] ?? 'a language other than English'} (${Math.round(analysis.englishShare * 100)}% common English words): the rules do not guess, an officer must read it`
    : `read as English: ${sentences} sentence${sentences === 1 ? '' : 's'}, ${analysis.acts.length} verbs with their doers`;
  return { verdict: analysis.language, evidence: [{ quote: summary, meaning }], findings: analysis };
}
