import { findMentions, resolvePronouns, type Gender, type Mention } from './mentions.js';
import type { ComplaintFacts } from './rule.types.js';
import { findQuotes, lastAtOrBefore, splitSentences } from './text-structure.js';

/**
 * Who does what in a complaint: sentences, quotations and mentions of every party, and the answer to "who did the
 * act at this point of the text?", so a rule can tell the office holder pushing someone from a burglar doing it.
 */

export type { Gender, Mention };

export interface Actor {
  party: string;
  /** sentence: named in the same sentence; quote: the speaker of quoted words; agent: "by X"; focus: carried over. */
  how: 'sentence' | 'quote' | 'agent' | 'focus' | 'passive' | 'none';
}

const PASSIVE_BEFORE = /\b(?:was|were|been|being|be|is|are|got|get|gets|getting)\s+(?:\w+ly\s+)?$/i;
/** The first word of a passive act: "was pushed", "got stolen", "were taken". */
const PARTICIPLE = /^(?:\w+(?:ed|en|wn)|hit|struck|held|kept|told|left|thrown|shot|put|cut|hurt|caught|bought|brought|sent|spent|sold|paid|made|done|seen|given|taken|stolen|written|driven|bitten|beaten|followed|found|led|set|shut)\b/i;
const AGENT_AFTER = /^[^.!?;\n]{0,30}?\bby\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|my\s+|our\s+|two\s+|three\s+|some\s+)?/i;
const SELF_ADJACENT = 15;
const PREPOSITION_BEFORE = /\b(?:with|to|at|for|from|about|against|towards|toward|into|behind|beside|near|past|onto|upon|than)\s+(?:(?:the|a|an|his|her|their|my|our|its|this|that)\s+(?:[\w'’-]+\s+)?)?$/i;
const RELATIVE_AFTER = /^\s*,?\s*(?:who|that|which)\b/i;
/** How far back (characters) the doer of an act is looked for: its sentence, and the two before for "focus". */
const SUBJECT_REACH = 300;
const FOCUS_REACH = 800;

export class AnalysedText {
  readonly sentences: number[];
  readonly quotes: Array<[number, number]>;
  readonly mentions: Mention[];
  readonly officeHolderGender: Gender;

  constructor(readonly text: string, subjectName: string | null) {
    this.sentences = splitSentences(text);
    this.quotes = findQuotes(text);
    const found = findMentions(text, subjectName, (index) => this.quoteAt(index));
    this.mentions = found.mentions;
    this.officeHolderGender = found.officeHolderGender;
    resolvePronouns(this.mentions, (index) => this.sentenceStart(this.sentenceAt(index)), this.officeHolderGender);
  }

  sentenceAt(index: number): number {
    return Math.max(0, lastAtOrBefore(this.sentences, index, (start) => start));
  }

  sentenceStart(n: number): number {
    return this.sentences[Math.max(0, Math.min(n, this.sentences.length - 1))];
  }

  sentenceEnd(n: number): number {
    return n + 1 < this.sentences.length ? this.sentences[n + 1] : this.text.length;
  }

  quoteAt(index: number): [number, number] | null {
    const i = lastAtOrBefore(this.quotes, index, (q) => q[0]);
    const q = i >= 0 ? this.quotes[i] : null;
    return q && index > q[0] && index < q[1] ? q : null;
  }

  /** Who did the act whose words run from index to end. */
  actorAt(index: number, end: number): Actor {
    const quote = this.quoteAt(index);
    if (quote) {
      const speaker = this.subjectBefore(quote[0]);
      return speaker ? { party: speaker, how: 'quote' } : this.focusBefore(quote[0]);
    }
    const agent = this.agentAfter(end);
    if (agent) return { party: agent, how: 'agent' };
    if (PARTICIPLE.test(this.text.slice(index, end)) && PASSIVE_BEFORE.test(this.text.slice(Math.max(0, index - 30), index))) {
      return { party: 'nobody', how: 'passive' };
    }
    const subject = this.subjectBefore(index);
    return subject ? { party: subject, how: 'sentence' } : this.focusBefore(index);
  }

  /** Is the office holder named (not merely as the one in charge) within `within` sentences of index? */
  officeHolderNear(index: number, within: number): boolean {
    this.officeHolderSentences ??= new Set(this.mentions.filter((m) => m.party === 'office_holder' && !m.responsibility).map((m) => this.sentenceAt(m.index)));
    const s = this.sentenceAt(index);
    for (let n = s - within; n <= s + within; n++) if (this.officeHolderSentences.has(n)) return true;
    return false;
  }

  private officeHolderSentences?: Set<number>;

  private subjectBefore(index: number): string | null {
    const start = Math.max(this.sentenceStart(this.sentenceAt(index)), index - SUBJECT_REACH);
    const inQuote = this.quoteAt(index);
    for (let i = this.mentionIndexBefore(index); i >= 0; i--) {
      const m = this.mentions[i];
      if (m.index < start) break;
      if (!m.canAct || (m.inQuote && !inQuote)) continue;
      if (this.objectOfPreposition(m, index)) continue;
      // "I want the commissioner to get the charge dropped": named as the one asked to act, not the doer
      if (m.responsibility && m.party === 'office_holder') continue;
      if (m.party === 'self') {
        if (index - m.end <= SELF_ADJACENT) return 'self';
        continue;
      }
      return m.party;
    }
    return null;
  }

  /**
   * "lost his temper with his assistant and threw...": a party named after a preposition is not the doer of a later
   * act in its sentence, unless a relative clause makes it one ("with the sergeant, who pushed me").
   */
  private objectOfPreposition(m: Mention, index: number): boolean {
    if (m.pronoun || !PREPOSITION_BEFORE.test(this.text.slice(Math.max(0, m.index - 40), m.index))) return false;
    // the act is inside the relative clause only when no comma or semicolon closes the clause before it
    const between = this.text.slice(m.end, Math.max(m.end, index));
    const relative = RELATIVE_AFTER.exec(between);
    return !relative || /[,;]/.test(between.slice(relative[0].length));
  }

  private focusBefore(index: number): Actor {
    const reach = Math.max(this.sentenceStart(this.sentenceAt(index) - 2), index - FOCUS_REACH);
    for (let i = this.mentionIndexBefore(index); i >= 0; i--) {
      const m = this.mentions[i];
      if (m.index < reach) break;
      if (m.party !== 'self' && m.party !== 'unknown' && !m.inQuote && !m.responsibility) return { party: m.party, how: 'focus' };
    }
    return { party: 'unknown', how: 'none' };
  }

  private agentAfter(end: number): string | null {
    const by = AGENT_AFTER.exec(this.text.slice(end, end + 60));
    if (!by) return null;
    const at = end + by[0].length;
    const m = this.mentions[lastAtOrBefore(this.mentions, at + 2, (x) => x.index)];
    if (!m || m.index < at) return null;
    return m.party !== 'self' ? m.party : null;
  }

  private mentionIndexBefore(index: number): number {
    // mentions never overlap, so their ends are in order too
    return lastAtOrBefore(this.mentions, index, (m) => m.end);
  }
}

const cache = new WeakMap<ComplaintFacts, AnalysedText>();

/** The analysis of a complaint's text, computed once per facts object. */
export function analyse(facts: ComplaintFacts): AnalysedText {
  let analysed = cache.get(facts);
  if (!analysed) {
    analysed = new AnalysedText(`${facts.summary}\n${facts.details}`, facts.subjectName);
    cache.set(facts, analysed);
  }
  return analysed;
}
