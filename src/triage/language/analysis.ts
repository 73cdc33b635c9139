import type { Act, ComplaintAnalysis, Mention } from './analysis.types.js';
import { checkLanguage } from './language-check.js';
import { tokenise, type RawToken } from './nlp.js';
import { findQuotes } from './quotes.js';
import { FEMALE, HEAD_PARTY, MALE, PHRASES_BY_FIRST_WORD, POSSESSED_OFFICE, type Party } from './parties.js';

/**
 * Reads a complaint once: tokens, lemmas, parts of speech, sentences, who is mentioned, and every verb with its
 * doer, object and negation. The headline (summary) is read first, as the opening sentence of the body.
 * Every loop looks back or forward a bounded distance, so the cost is linear in the length of the text.
 */
export function analyseComplaint(summary: string, details: string, subjectName: string | null): ComplaintAnalysis {
  const text = `${summary}\n${details}`;
  const headlineEnd = summary.length + 1;
  const raw = tokenise(text);
  const verdict = checkLanguage(raw, headlineEnd);
  const reader = new Reader(raw, subjectName, quotedTokens(raw, text));
  return {
    version: 1,
    ...verdict,
    headlineEnd,
    lemmas: raw.map((t) => t.lemma),
    pos: raw.map((t) => t.pos).join(''),
    starts: raw.map((t) => t.start),
    ends: raw.map((t) => t.end),
    sentences: reader.sentenceStarts,
    negated: reader.negatedTokens(),
    acts: reader.acts,
    mentions: reader.mentions,
  };
}

/** Which tokens are inside quotation marks (one pass over the quote spans, in order). */
function quotedTokens(tokens: RawToken[], text: string): Uint8Array {
  const out = new Uint8Array(tokens.length);
  const spans = findQuotes(text);
  let k = 0;
  for (const [from, to] of spans) {
    while (k < tokens.length && tokens[k].start < from) k++;
    for (let j = k; j < tokens.length && tokens[j].start < to; j++) out[j] = 1;
  }
  return out;
}

const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'myself', 'himself', 'herself', 'themselves', 'ourselves']);
const POSSESSIVE_PRONOUNS = new Set(['my', 'his', 'her', 'their', 'our', 'your', 'its']);
const PERSONAL = new Set(['i', 'we', 'he', 'she', 'they', 'you', 'it', 'me', 'him', 'us', 'them', 'one']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nobody', 'noone', 'nothing', 'neither', 'nor', 'without', 'hardly', 'none']);
const NEGATIVE_SUBJECTS = new Set(['nobody', 'noone', 'nothing', 'none', 'neither']);
const REPORTING = new Set(['tell', 'say', 'claim', 'allege', 'hear', 'inform', 'write', 'explain', 'admit', 'boast', 'brag', 'mention', 'report', 'rumour', 'suggest', 'insist', 'warn']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'cllr', 'councillor', 'sir', 'dame', 'lord', 'lady']);
const PASSIVE_AUX = new Set(['be', 'get']);
/** Groups and indefinites, never "he" or "she": "the domestic abuse team", "somebody sitting in it ... he was standing". */
const COLLECTIVE = new Set(['somebody', 'someone', 'anybody', 'anyone', 'nobody', 'everyone', 'everybody', 'team', 'unit', 'squad', 'department', 'service', 'force', 'police', 'staff', 'council', 'committee', 'panel', 'board', 'group', 'office', 'people', 'crew', 'patrol']);
/** Parties whose name before a person's ("council officer", "OPCC caseworker") makes that person theirs. */
const MODIFYING = new Set<Party>(['office', 'other_body', 'force']);
/** Mentions a pronoun may look back over. */
const ANTECEDENT_REACH = 40;
/** Tokens an act looks back for its doer (within its sentence). */
const SUBJECT_REACH = 30;
/** Tokens an act looks back for a reporting verb ("told me that ... had"). */
const REPORT_REACH = 40;

class Reader {
  readonly sentenceStarts: number[] = [];
  readonly sentenceOf: number[] = [];
  /** 1 where the token is negated in its clause. */
  private readonly negated: Uint8Array;
  readonly acts: Act[] = [];
  readonly mentions: Mention[] = [];
  /** Party of the noun phrase whose head is at this token, if any. */
  private readonly headParty: Array<Party | undefined>;
  private readonly nameWords: Set<string>;
  /** The act whose verb is at this token, if any (arrays by token: read in every bounded look-back). */
  private readonly actAt: Array<Act | undefined>;
  /** Each token as written, lower case. */
  private readonly lowered: string[];
  private officeHolderGender: 'm' | 'f' | null = null;
  /** Names the complaint gives to a party ("the chief constable, Mr Crane"): word → party. */
  private readonly namedParty = new Map<string, Party>();
  private readonly namedGender = new Map<string, 'm' | 'f'>();

  constructor(
    private readonly t: RawToken[],
    subjectName: string | null,
    /** 1 for a token inside quotation marks. */
    private readonly quoted: Uint8Array = new Uint8Array(t.length),
  ) {
    this.negated = new Uint8Array(t.length);
    this.headParty = new Array<Party | undefined>(t.length);
    this.actAt = new Array<Act | undefined>(t.length);
    this.lowered = t.map((token) => token.text.toLowerCase());
    this.nameWords = new Set((subjectName ?? '').toLowerCase().split(/[^\p{L}'’-]+/u).filter((w) => w.length > 2 && !TITLES.has(w)));
    t.forEach((token, i) => {
      if (token.sentenceStart || i === 0) this.sentenceStarts.push(i);
      this.sentenceOf.push(this.sentenceStarts.length - 1);
    });
    this.findMentions();
    for (let i = 0; i < t.length; i++) if (this.isVerb(i)) this.readAct(i);
  }

  private lemma = (i: number) => this.t[i]?.lemma ?? '';
  private pos = (i: number) => this.t[i]?.pos ?? '';
  private sameSentence = (a: number, b: number) => this.sentenceOf[a] === this.sentenceOf[b];

  /** Parties named by phrases, head words, the office holder's name, and pronouns resolved to the nearest fit. */
  private findMentions(): void {
    const t = this.t;
    // "Victim Support caseworker", "council officer": a body named before a head noun makes that person the body's
    let modifier: { party: Party; until: number } | null = null;
    for (let i = 0; i < t.length; i++) {
      const phrase = this.phraseAt(i);
      if (phrase) {
        const head = i + phrase.words.length - 1;
        if (!this.isHead(head) && MODIFYING.has(phrase.party)) modifier = { party: phrase.party, until: head + 3 };
        else {
          this.addMention(head, phrase.party);
          this.learnNameAfter(head, phrase.party);
        }
        i = head;
        continue;
      }
      const lemma = t[i].lemma;
      const word = this.lowered[i];
      // "your chief constable, Mr Lawrence Crane ... Mr Crane gave a speech": a name given to a party is that party
      const named = this.namedParty.get(word);
      if (named && !this.nameWords.has(word) && (t[i].pos === 'P' || t[i].pos === 'N')) {
        if (this.namedParty.get(this.lowered[i + 1] ?? '') !== named) this.addMention(i, named);
        continue;
      }
      if (this.nameWords.has(word) && (t[i].pos === 'P' || t[i].pos === 'N')) {
        if (TITLES.has(this.lemma(i - 1))) this.officeHolderGender ??= MALE.has(this.lemma(i - 1)) ? 'm' : FEMALE.has(this.lemma(i - 1)) ? 'f' : null;
        // "Joanna Whitlock": one mention, at the last word of the name
        if (!this.nameWords.has(this.lowered[i + 1] ?? '')) this.addMention(i, 'office_holder');
        continue;
      }
      // "his nephew", "her office": whose it is counts as naming them in that sentence (never as a doer)
      if (t[i].pos === 'O' && POSSESSIVE_PRONOUNS.has(word) && !PERSONAL.has(lemma) && word !== 'my' && word !== 'our') {
        this.addMention(i, this.resolvePronoun(i, word));
        continue;
      }
      if (t[i].pos === 'O' && PERSONAL.has(lemma)) {
        this.addMention(i, this.resolvePronoun(i, lemma, OBJECT_PRONOUNS.has(word) ? this.clauseSubjectBefore(i) : -1));
        continue;
      }
      if (t[i].pos !== 'N' && t[i].pos !== 'P') continue;
      if (!this.isHead(i)) {
        // "OPCC information officer", "prison officer", "hospital staff": the body named first is whose person it is
        const before = HEAD_PARTY.get(lemma);
        if (before && MODIFYING.has(before)) modifier = { party: before, until: i + 3 };
        continue;
      }
      // "ex-partner", "ex-husband": the person the last part names
      let party = HEAD_PARTY.get(lemma) ?? HEAD_PARTY.get(word) ?? (lemma.startsWith('ex-') ? HEAD_PARTY.get(lemma.slice(3)) : undefined);
      if (modifier && i <= modifier.until && (party === 'office' || party === 'person' || party === 'police_officers' || party === undefined)) {
        // "police officer" is the force's own phrase; a body's staff member is the body
        if (!(modifier.party === 'force' && party === 'police_officers')) party = modifier.party === 'force' ? 'police_officers' : modifier.party;
      }
      modifier = null;
      const possessor = this.possessorOf(i);
      if (possessor === 'office_holder' && (POSSESSED_OFFICE.has(lemma) || party === 'office')) party = 'office';
      // "the council's environmental health team", "the hospital's staff": a body's people are that body
      else if (possessor && possessor !== 'office' && MODIFYING.has(possessor) && (party === 'office' || party === undefined || POSSESSED_OFFICE.has(lemma))) {
        party = possessor === 'force' ? 'police_officers' : possessor;
      }
      if (!party && t[i].pos === 'P' && TITLES.has(this.lemma(i - 1))) party = 'person';
      if (party) {
        this.addMention(i, party);
        this.learnNameAfter(i, party);
      }
    }
  }

  /**
   * A name in apposition to a party ("his caseworker, a Mr Lyle", "the chief constable, Lawrence Crane"): its words
   * are that party wherever they occur later. Not the office holder's or the writer's own names.
   */
  private learnNameAfter(head: number, party: Party): void {
    if (party === 'office_holder' || party === 'complainant' || party === 'unknown') return;
    const t = this.t;
    let k = head + 1;
    if (t[k]?.text === ',') k++;
    if (t[k] && (t[k].lemma === 'a' || t[k].lemma === 'the')) k++;
    // the name's gender, from the head ("my daughter Chloe") or a title ("a Mr Lyle"), for he and she later
    const gender = (w: string): 'm' | 'f' | null => (MALE.has(w) ? 'm' : FEMALE.has(w) ? 'f' : null);
    let known = gender(t[head].lemma);
    if (t[k] && TITLES.has(t[k].lemma)) known ??= gender(t[k++].lemma);
    for (let n = 0; n < 3 && t[k]?.pos === 'P' && this.sameSentence(head, k); n++, k++) {
      const w = this.lowered[k];
      if (w.length > 2 && !TITLES.has(w) && !this.nameWords.has(w) && !HEAD_PARTY.has(w)) {
        this.namedParty.set(w, party);
        if (known) this.namedGender.set(w, known);
      }
    }
  }

  /** The longest party phrase ("chief constable", "member of staff") starting at token i, if any. */
  private phraseAt(i: number): { words: string[]; party: Party } | undefined {
    const t = this.t;
    const lower = this.lower(i);
    const byLemma = PHRASES_BY_FIRST_WORD.get(t[i].lemma);
    const byWord = lower !== t[i].lemma ? PHRASES_BY_FIRST_WORD.get(lower) : undefined;
    // most tokens begin no phrase: nothing to gather
    if (!byLemma && !byWord) return undefined;
    const candidates = [...(byLemma ?? []), ...(byWord ?? [])];
    candidates.sort((a, b) => b.words.length - a.words.length);
    return candidates.find((p) => p.words.every((w, k) => t[i + k]?.lemma === w || this.lower(i + k) === w));
  }

  private lower(i: number): string {
    return this.lowered[i] ?? '';
  }

  private addMention(i: number, party: Party): void {
    const possessive = this.lemma(i + 1) === "'s" || this.lemma(i + 1) === "'" || POSSESSIVE_PRONOUNS.has(this.lowered[i]);
    this.mentions.push({ token: i, party, possessive });
    if (!possessive) this.headParty[i] = party;
  }

  /** The last word of a noun phrase: the next word does not continue it ("commissioner drinking" ends at commissioner). */
  private isHead(i: number): boolean {
    const next = this.pos(i + 1);
    if (next === 'N' && /ing$/i.test(this.t[i + 1].text)) return true;
    return !(next === 'N' || (next === 'P' && this.pos(i) === 'P'));
  }

  /** Whose thing the noun phrase ending at i is: "the commissioner's driver", "his assistant". */
  private possessorOf(i: number): Party | null {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (this.lemma(k) === "'s" || this.lemma(k) === "'") {
        return this.mentions.findLast((m) => m.token === k - 1)?.party ?? null;
      }
      if (POSSESSIVE_PRONOUNS.has(this.lowered[k])) return this.resolvePronoun(k, this.lowered[k]);
      if (!'DJN'.includes(this.pos(k))) return null;
    }
    return null;
  }

  /** The mention just before the verb that precedes i in its sentence: "the commissioner had hit him" gives commissioner. */
  private clauseSubjectBefore(i: number): number {
    let k = i - 1;
    while (k >= 0 && k > i - SUBJECT_REACH && this.sentenceOf[k] === this.sentenceOf[i] && this.t[k].pos !== 'V') k--;
    if (k < 0 || this.t[k].pos !== 'V') return -1;
    for (let m = this.mentions.length - 1; m >= 0; m--) if (this.mentions[m].token < k) return this.mentions[m].token;
    return -1;
  }

  /** he/she: the nearest person that fits; they: the nearest group or body; I/we: the complainant. */
  private resolvePronoun(i: number, word: string, skipToken = -1): Party {
    if (word === 'i' || word === 'we' || word === 'me' || word === 'us' || word === 'my' || word === 'our') return 'complainant';
    if (word === 'it' || word === 'its' || word === 'one') return 'unknown';
    if (word === 'you' || word === 'your') return this.mentions.some((m) => m.party === 'office_holder') ? 'office_holder' : 'unknown';
    const gender = MALE.has(word) ? 'm' : FEMALE.has(word) ? 'f' : null;
    const plural = gender === null;
    for (let k = this.mentions.length - 1, seen = 0; k >= 0 && seen < ANTECEDENT_REACH; k--, seen++) {
      const m = this.mentions[k];
      if (m.token >= i || m.token === skipToken || m.party === 'complainant' || m.party === 'unknown') continue;
      // someone named inside quoted words ("'every resident who came...'") is not who a pronoun outside them means
      if (this.quoted[m.token] && !this.quoted[i]) continue;
      const head = this.t[m.token];
      const isPronoun = head.pos === 'O';
      if (plural) {
        if (m.party === 'office' || m.party === 'force' || m.party === 'other_body' || (!isPronoun && /s$/.test(head.text) && m.party !== 'office_holder')) return m.party;
        continue;
      }
      if (m.party === 'office' || m.party === 'force' || m.party === 'other_body') continue;
      // "he" or "she" is a person: never a plural noun ("the officers ... he was standing"), a group ("the team") or
      // a thing that took its party from a word before it ("their system")
      if (!isPronoun && m.party !== 'office_holder' && ((/s$/i.test(head.text) && head.lemma !== head.text.toLowerCase() && !/s$/.test(head.lemma)) || COLLECTIVE.has(head.lemma) || (head.pos !== 'P' && m.party !== 'person' && !HEAD_PARTY.has(head.lemma) && !HEAD_PARTY.has(head.lemma.split('-').pop()!)))) continue;
      const own = MALE.has(head.lemma) ? 'm' : FEMALE.has(head.lemma) ? 'f' : m.party === 'office_holder' ? this.officeHolderGender : this.namedGender.get(this.lowered[m.token]) ?? null;
      if (isPronoun && MALE.has(head.lemma) !== (gender === 'm')) continue;
      if (!own || own === gender) {
        if (m.party === 'office_holder' && !this.officeHolderGender && gender) this.officeHolderGender = gender;
        return m.party;
      }
    }
    // a complaint is about the office holder: an unexplained he or she is most likely them
    return plural ? 'unknown' : 'office_holder';
  }

  private isVerb(i: number): boolean {
    if (this.pos(i) === 'V') return true;
    // "he is a liar": the copula is the act when no verb follows in the clause
    if (this.pos(i) !== 'A' || this.lemma(i) !== 'be') return false;
    // ("was rude and hung up": rude follows first, so the copula is an act of its own; "was pushed" is not)
    for (let k = i + 1; k < this.t.length && k < i + 4 && this.sameSentence(i, k); k++) {
      const pos = this.pos(k);
      if (pos === 'V' || pos === 'A') return false;
      if (pos === 'J' || pos === 'N' || pos === 'D' || pos === 'P' || pos === '#') return true;
    }
    return true;
  }

  private readAct(v: number): void {
    const causer = this.causerOf(v);
    const passive = !causer && this.isPassive(v);
    const subject = causer ?? this.subjectOf(v);
    const after = this.nounPhraseAfter(v);
    const negated = this.isNegated(v, subject.token);
    let act: Act;
    if (passive) {
      const agent = this.agentAfter(v);
      act = { verb: v, doer: agent?.party ?? 'unknown', doerToken: agent?.token ?? -1, object: subject.party, objectToken: subject.token, negated, passive, reported: false };
    } else {
      act = { verb: v, doer: subject.party, doerToken: subject.token, object: after?.party ?? null, objectToken: after?.token ?? -1, negated, passive, reported: false };
    }
    act.reported = this.isReported(v, subject.token, act.doer);
    if (negated) this.negateClauseFrom(v);
    this.acts.push(act);
    this.actAt[v] = act;
  }

  /**
   * "had the police computer checked", "had his staff wipe the emails", "got the charge dropped": whoever had it done
   * did it. A have/get/make with a noun phrase between it and this verb.
   */
  private causerOf(v: number): { party: Party; token: number } | null {
    let sawNoun = false;
    for (let k = v - 1; k >= Math.max(0, v - 7) && this.sameSentence(k, v); k--) {
      const pos = this.pos(k);
      const lemma = this.lemma(k);
      if ((lemma === 'have' || lemma === 'get' || lemma === 'make') && (pos === 'A' || pos === 'V')) {
        if (!sawNoun) return null;
        const act = this.actAt[k];
        return act ? { party: act.doer, token: act.doerToken } : this.subjectOf(k);
      }
      if (pos === 'N' || pos === 'P' || (pos === 'O' && !PERSONAL.has(lemma)) || OBJECT_PRONOUNS.has(this.lowered[k])) sawNoun = true;
      else if (!'DJ#T'.includes(pos) && !POSSESSIVE_PRONOUNS.has(this.lowered[k])) return null;
    }
    return null;
  }

  private isPassive(v: number): boolean {
    if (this.pos(v) !== 'V' || /ing$/i.test(this.t[v].text) || this.lowered[v] === this.lemma(v)) return false;
    for (let k = v - 1; k >= Math.max(0, v - 3); k--) {
      if (PASSIVE_AUX.has(this.lemma(k)) && this.pos(k) === 'A') return true;
      if (this.pos(k) !== 'R' && this.lemma(k) !== 'not' && this.lemma(k) !== "n't") return false;
    }
    return false;
  }

  /**
   * The doer of the verb at v: the nearest noun phrase before it in its sentence that is not the object of a
   * preposition nor an object pronoun; through "and"/"," the subject of the verb before ("he pushed me and took my
   * phone"); through "who"/"which" the noun before it ("the officer who pushed me").
   */
  private subjectOf(v: number): { party: Party; token: number } {
    const floor = Math.max(this.sentenceStarts[this.sentenceOf[v]], v - SUBJECT_REACH);
    let coordinated = false;
    for (let k = v - 1; k >= floor; k--) {
      const pos = this.pos(k);
      const lemma = this.lemma(k);
      if (pos === 'C' || lemma === ',') coordinated = true;
      if (RELATIVES.has(lemma) && (pos === 'O' || pos === 'S' || pos === 'D') && this.onlyModifiersBetween(k, v)) {
        const antecedent = this.nearestHead(k - 1, floor);
        if (antecedent) return antecedent;
      }
      if (pos === 'S' && !coordinated) break;
      if (pos === 'V' && k !== v) {
        const earlier = this.actAt[k];
        const inherited = earlier && { party: earlier.passive ? (earlier.object ?? 'unknown') : earlier.doer, token: earlier.passive ? earlier.objectToken : earlier.doerToken };
        if (coordinated && inherited) return inherited;
        // "told the officers to arrest me", "saw him push her": the noun phrase after the earlier verb does this one
        if (this.lemma(v - 1) === 'to' || this.lowered[v] === this.lemma(v)) {
          const between = this.nearestHead(v - 1, k + 1);
          if (between) return between;
        }
        // "the officers who arrested me pushed me": the same doer
        if (inherited) return inherited;
        break;
      }
      if (NEGATIVE_SUBJECTS.has(lemma) && pos !== 'D') return { party: 'unknown', token: k };
      const party = this.headParty[k];
      if (party === undefined && !(pos === 'N' || pos === 'P') && !(pos === 'O' && PERSONAL.has(lemma))) continue;
      if (OBJECT_PRONOUNS.has(this.lowered[k]) || this.afterPreposition(k)) continue;
      // "lost my file and was rude", "pushed the officer and kicked him": across "and", the object of the verb
      // before is not the doer of this one; the doer of that verb is
      if (coordinated && this.objectOfVerbBefore(k)) continue;
      if (pos === 'O' || party !== undefined) return { party: party ?? 'unknown', token: k };
      if (this.isHead(k)) return { party: 'unknown', token: k };
    }
    return { party: 'unknown', token: -1 };
  }

  /** The noun phrase ending at k directly follows a verb (only determiners, adjectives and nouns between). */
  private objectOfVerbBefore(k: number): boolean {
    for (let j = k - 1; j >= Math.max(0, k - 5); j--) {
      const pos = this.pos(j);
      if (pos === 'V') return true;
      const word = this.lowered[j];
      if (!'DJN#P'.includes(pos) && !POSSESSIVE_PRONOUNS.has(word) && !OBJECT_PRONOUNS.has(word) && this.lemma(j) !== "'s" && this.lemma(j) !== 'of') return false;
    }
    return false;
  }

  /** Only adverbs, auxiliaries or negators stand between k and v ("who then", "that had not"). */
  private onlyModifiersBetween(k: number, v: number): boolean {
    for (let j = k + 1; j < v; j++) if (!(this.pos(j) === 'R' || this.pos(j) === 'A' || NEGATORS.has(this.lemma(j)))) return false;
    return true;
  }

  private nearestHead(from: number, floor: number): { party: Party; token: number } | null {
    for (let k = from; k >= floor; k--) {
      const party = this.headParty[k];
      if (party) return { party, token: k };
      if (this.pos(k) === 'V' || this.pos(k) === 'S' || this.lemma(k) === ',') return null;
    }
    return null;
  }

  /** "with the sergeant", "to the commissioner": a noun phrase after a preposition does not act. */
  private afterPreposition(k: number): boolean {
    for (let j = k - 1; j >= Math.max(0, k - 5); j--) {
      const pos = this.pos(j);
      if (pos === 'I') return this.lemma(j) !== 'by';
      // "at the meeting the commissioner": the preposition governs the noun phrase before, not this one
      if (pos === 'N' && this.isHead(j)) return false;
      if (!'DJN#'.includes(pos) && this.lemma(j) !== "'s" && !POSSESSIVE_PRONOUNS.has(this.lowered[j])) return false;
    }
    return false;
  }

  /** The first party named after the verb in its clause (the one acted on). */
  private nounPhraseAfter(v: number): { party: Party; token: number } | null {
    for (let k = v + 1; k < this.t.length && k <= v + 6 && this.sameSentence(v, k); k++) {
      const pos = this.pos(k);
      if (pos === 'V' || pos === 'S' || pos === 'C' || pos === '.') return null;
      const party = this.headParty[k];
      if (party) return { party, token: k };
      if ((pos === 'N' || pos === 'P') && this.isHead(k)) return null;
    }
    return null;
  }

  private agentAfter(v: number): { party: Party; token: number } | null {
    for (let k = v + 1; k < this.t.length && k <= v + 4 && this.sameSentence(v, k); k++) {
      if (this.lemma(k) !== 'by') continue;
      for (let j = k + 1; j <= k + 5 && j < this.t.length; j++) {
        const party = this.headParty[j];
        if (party) return { party, token: j };
        if (this.pos(j) === 'V' || this.pos(j) === '.') return null;
      }
    }
    return null;
  }

  /**
   * Negation by clause: a negator between the verb's subject and the verb ("he did not push", "never paid"), a
   * negative subject ("nobody pushed"), or "without" before it ("without paying"). A "no" elsewhere in the sentence
   * negates its own noun, not this verb.
   */
  private isNegated(v: number, subjectToken: number): boolean {
    if (subjectToken >= 0 && NEGATIVE_SUBJECTS.has(this.lemma(subjectToken))) return true;
    const from = subjectToken >= 0 ? subjectToken + 1 : Math.max(this.sentenceStarts[this.sentenceOf[v]], v - 4);
    for (let k = v - 1; k >= from; k--) {
      const lemma = this.lemma(k);
      if (lemma === 'not' || lemma === "n't" || lemma === 'never' || lemma === 'without' || lemma === 'hardly') {
        // "should not have", "shouldn't have": criticism of an act that happened, not a denial of it
        const modal = this.lemma(k - 1);
        if ((lemma === 'not' || lemma === "n't") && (modal === 'should' || modal === 'ought' || modal === 'must') && this.lemma(k + 1) === 'have') return false;
        return true;
      }
      if (this.pos(k) === 'V' || this.pos(k) === 'S' || this.pos(k) === 'C' || lemma === ',') return false;
    }
    // "no one was paid", "there was no reply": a negative word straight after a copula negates what follows it
    return false;
  }

  /** Marks the verb and what it governs up to the end of its clause as negated. */
  private negateClauseFrom(v: number): void {
    for (let k = v; k < this.t.length && k <= v + 8 && this.sameSentence(v, k); k++) {
      const pos = this.pos(k);
      if (k > v && (pos === 'C' || pos === 'S' || pos === '.' || RELATIVES.has(this.lemma(k)))) break;
      this.negated[k] = 1;
    }
    // "no reply", "no evidence": the noun after a standalone "no" is negated too
  }

  /** The negated tokens, in order. */
  negatedTokens(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.negated.length; k++) if (this.negated[k] === 1) out.push(k);
    return out;
  }

  /** Inside what someone else is said to have said ("my neighbour told me the commissioner had..."). */
  private isReported(v: number, subjectToken: number, doer: Party): boolean {
    if (this.lemma(v - 1) === 'to') return false; // "told the officers to arrest me": an instruction, not a report
    // bounded, so a long unpunctuated letter (one "sentence") costs linear time
    const floor = Math.max(this.sentenceStarts[this.sentenceOf[v]], v - REPORT_REACH);
    for (let k = (subjectToken >= 0 ? subjectToken : v) - 1; k >= floor; k--) {
      const act = this.actAt[k];
      if (act && REPORTING.has(this.lemma(k)) && act.doer !== 'complainant' && act.doer !== doer) return true;
    }
    return false;
  }
}

/** Also negate the noun after a standalone "no" ("no reply", "no receipt"). Kept apart: it touches only nouns. */
export function negatedNouns(analysis: Pick<ComplaintAnalysis, 'lemmas' | 'pos'>): number[] {
  const out: number[] = [];
  for (let i = 0; i < analysis.lemmas.length; i++) {
    if (analysis.lemmas[i] !== 'no' || analysis.pos[i] !== 'D') continue;
    for (let k = i + 1; k < analysis.lemmas.length && k <= i + 3; k++) {
      if (analysis.pos[k] === 'N') {
        out.push(k);
        break;
      }
      if (!'JR'.includes(analysis.pos[k])) break;
    }
  }
  return out;
}
