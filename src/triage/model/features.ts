import type { ComplaintAnalysis } from '../language/analysis.types.js';
import { HEAD_PARTY } from '../language/parties.js';
import type { OffenceFinding } from '../rules/offence-screen.js';

/**
 * What the model sees of a complaint: lemma unigrams and bigrams within sentences (a negated word as "not_word"),
 * and signals from the language analysis and the offence screen (who does things, which offence families). Names
 * and numbers are replaced by placeholders, so the model never learns (or stores) a person's name.
 */
export function complaintFeatures(analysis: ComplaintAnalysis, offences: OffenceFinding[]): string[] {
  const out: string[] = [];
  const negated = new Set(analysis.negated);
  const words: Array<string | null> = analysis.lemmas.map((lemma, i) => {
    const pos = analysis.pos[i];
    if (pos === '.' || pos === '$' || pos === 'X') return null;
    if (pos === '#') return '<num>';
    if (pos === 'P' && !HEAD_PARTY.has(lemma)) return '<name>';
    if (!/\p{L}/u.test(lemma)) return null;
    return negated.has(i) && (pos === 'V' || pos === 'N' || pos === 'J') ? `not_${lemma}` : lemma;
  });
  let sentence = 0;
  for (let i = 0; i < words.length; i++) {
    while (sentence + 1 < analysis.sentences.length && analysis.sentences[sentence + 1] <= i) sentence++;
    const w = words[i];
    if (!w) continue;
    out.push(w);
    const next = words[i + 1];
    const sameSentence = sentence + 1 >= analysis.sentences.length || analysis.sentences[sentence + 1] > i + 1;
    if (next && sameSentence) out.push(`${w} ${next}`);
  }
  for (const act of analysis.acts) {
    if (act.doer === 'unknown') continue;
    out.push(`doer:${act.doer}`);
    if (act.object && act.object !== act.doer) out.push(`doer:${act.doer}>${act.object}`);
  }
  for (const m of analysis.mentions) out.push(`party:${m.party}`);
  for (const f of offences) {
    out.push(`offence:${f.strength}`);
    if (f.strength !== 'none') out.push(`offence:${f.strength}:${f.family}`);
    else out.push(`offence:${f.doer}`);
  }
  out.push(`length:${analysis.lemmas.length < 40 ? 'short' : analysis.lemmas.length < 150 ? 'medium' : 'long'}`);
  return out;
}
