import type { ComplaintAnalysis } from '../language/analysis.types.js';
import type { Evidence, RuleStep } from './rule.types.js';
import { compileSignals, OFFICIAL_PARTIES, partyWords, scanSignals, type SignalHit } from './signal-scan.js';
import { analyse, type AnalysedText } from './text-analysis.js';
import { loadPartiesVocabulary, loadVocabulary, type PartySpec } from './vocabulary.js';

const vocabulary = loadPartiesVocabulary();
const PARTIES: Record<string, PartySpec> = vocabulary.parties;
const remitSignals = compileSignals(vocabulary);
/** What someone did (rudeness, an offence, a failure) counts for whoever did it. */
const actSignals = [
  ...compileSignals(loadVocabulary('conduct')).filter((s) => s.actor !== 'any' && s.weight > 0),
  ...compileSignals(loadVocabulary('criminal-allegation')).filter((s) => s.actor !== 'any' && (s.kind === 'act' || s.kind === 'named')),
];
const decisionSignals = compileSignals(loadVocabulary('political')).filter((s) => s.kind === 'topic');

const ACT_WEIGHT = 2;
const INSTITUTION = /^(?:the\s+)?(?:police|force|constabulary|local police)$/i;
const MENTION_CAP = 4;
/** Another party must score at least this, and more than the office holder, for the complaint to leave the panel. */
const MIN_OTHER_SCORE = 2;

export type Route = 'force' | 'pcc' | 'opcc_chief_executive' | 'other_body';

interface PartyScore {
  party: string;
  mentions: number;
  /** Mentions of police officers as people (not "the police" as an institution). */
  officers: number;
  topics: number;
  acts: number;
  total: number;
  quotes: SignalHit[];
}

/**
 * Who is the complaint about? Counts, for the office holder and for every other party, how often it is named
 * (not merely as the one in charge), the subject matter that belongs to it, and the acts it is said to have done.
 *
 * Verdicts: office_holder | force | chief_constable | opcc_staff | other_body | unclear.
 */
export const remitRule: RuleStep<'remit'> = {
  name: 'remit',
  question: "Is it about the office holder's own conduct, or about police officers, the chief constable, the office's staff or another body?",
  run(facts) {
    const analysis = analyse(facts);
    const scores = scoreParties(analysis);
    creditOfficeActs(scores, facts.analysis);
    const officeHolder = scores.get('office_holder')!;
    const others = [...scores.values()].filter((s) => s.party !== 'office_holder').sort((a, b) => b.total - a.total);
    const best = others[0];
    // the analysis knows who did what: a letter whose acts are mostly the office holder's stays with the panel, however
    // often it names the office's staff or the police (as victims, witnesses or go-betweens)
    const redirect = best && best.total >= MIN_OTHER_SCORE && best.total > officeHolder.total && !mostlyOfficeHolder(facts.analysis, best.party);
    const party = redirect ? best.party : officeHolder.total > 0 ? 'office_holder' : 'unclear';
    const spec = redirect ? PARTIES[best.party] : undefined;
    const verdict = !spec ? party : spec.route === 'other_body' ? 'other_body' : party === 'police' ? 'force' : party;

    const evidence: Evidence[] = [];
    const lead = redirect ? best : officeHolder;
    const because = redirect
      ? `about ${spec!.meaning}, not the office holder's own conduct: redirect to ${spec!.body}`
      : "about the office holder's own conduct";
    for (const hit of lead.quotes.slice(0, 6)) evidence.push({ quote: hit.quote, meaning: `${because} (${hit.meaning})` });
    if (!evidence.length) evidence.push({ quote: facts.summary, meaning: party === 'unclear' ? 'no party is clearly named; taken to be about the office holder' : because });
    const alsoAbout = others.filter((s) => s !== best || !redirect).filter((s) => s.total >= MIN_OTHER_SCORE).map((s) => s.party);
    if (!redirect && alsoAbout.length) {
      evidence.push({ quote: scores.get(alsoAbout[0])!.quotes[0]?.quote ?? facts.summary, meaning: `also mentions ${alsoAbout.map(partyWords).join(', ')}: that part may need redirecting` });
    }
    return {
      verdict,
      evidence,
      findings: {
        route: (spec?.route ?? null) as Route | null,
        body: spec?.body ?? null,
        party,
        scores: Object.fromEntries([...scores.values()].filter((s) => s.total > 0).map((s) => [s.party, s.total])),
        alsoAbout,
      },
    };
  },
};

const ANALYSIS_PARTIES: Record<string, string[]> = { police: ['police_officers', 'force'], opcc_staff: ['office'], chief_constable: ['chief_constable'] };

/** True when the office holder does clearly more of the complaint's acts than the party it would be redirected to. */
function mostlyOfficeHolder(language: ComplaintAnalysis, party: string): boolean {
  const theirs = ANALYSIS_PARTIES[party] ?? ['other_body'];
  const acts = language.acts.filter((a) => !a.negated && !EMPTY_VERBS.has(language.lemmas[a.verb]));
  const byOfficeHolder = acts.filter((a) => a.doer === 'office_holder').length;
  const byThem = acts.filter((a) => theirs.includes(a.doer)).length;
  return byOfficeHolder >= 2 && byOfficeHolder >= 2 * byThem + 1;
}

/** Verbs that say nothing about conduct: being, having, saying in general. */
const EMPTY_VERBS = new Set(['be', 'have', 'do', 'get', 'go', 'come', 'say', 'know', 'think', 'want', 'seem']);
const OFFICE_ACTS_CAP = 3;
/** Words that name the office itself (a bare "caseworker" may be another body's). */
const OFFICE_WORDS = new Set(['office', 'opcc', 'staff', 'staffer', 'team', 'spokesperson', 'spokesman', 'spokeswoman', 'executive', 'they', 'officer', 'manager', 'driver', 'assistant', 'aide', 'pa']);

/**
 * The language analysis knows who did each act: what the office's staff did ("the Commissioner's office replied
 * with a sarcastic GIF", "his press officer posted it") counts for the office, not the office holder.
 */
function creditOfficeActs(scores: Map<string, PartyScore>, language: ComplaintAnalysis): void {
  const acts = language.acts.filter(
    (a) => a.doer === 'office' && !a.negated && !EMPTY_VERBS.has(language.lemmas[a.verb]) && a.doerToken >= 0 && OFFICE_WORDS.has(language.lemmas[a.doerToken]),
  );
  if (!acts.length) return;
  let s = scores.get('opcc_staff');
  if (!s) scores.set('opcc_staff', (s = { party: 'opcc_staff', mentions: 0, officers: 0, topics: 0, acts: 0, total: 0, quotes: [] }));
  const added = Math.min(acts.length, OFFICE_ACTS_CAP);
  s.acts += added;
  s.total += added + (s.mentions && s.total === 0 ? Math.min(s.mentions, MENTION_CAP) : 0);
}

function scoreParties(analysis: AnalysedText): Map<string, PartyScore> {
  const scores = new Map<string, PartyScore>();
  const at = (party: string) => {
    let s = scores.get(party);
    if (!s) scores.set(party, (s = { party, mentions: 0, officers: 0, topics: 0, acts: 0, total: 0, quotes: [] }));
    return s;
  };
  at('office_holder');
  for (const m of analysis.mentions) {
    if (m.pronoun || !(m.party in PARTIES) || m.party === 'not_an_actor' || m.responsibility) continue;
    at(m.party).mentions += 1;
    if (m.party === 'police' && !INSTITUTION.test(m.text)) at(m.party).officers += 1;
  }
  for (const hit of scanSignals(analysis, remitSignals)) {
    if (hit.negated) continue;
    if (hit.kind && hit.kind in PARTIES) {
      at(hit.kind).topics += hit.weight;
      at(hit.kind).quotes.push(hit);
    } else if (hit.kind === 'failure') credit(at, hit, false);
  }
  for (const hit of scanSignals(analysis, actSignals)) if (!hit.negated) credit(at, hit, true);
  // a decision, policy or budget is the office holder's, unless the text says police or another body made it
  for (const hit of scanSignals(analysis, decisionSignals)) {
    if (!hit.negated && !OFFICIAL_PARTIES.has(hit.actor.party)) {
      at('office_holder').acts += 1;
      at('office_holder').quotes.push(hit);
    }
  }
  for (const s of scores.values()) {
    // The office's staff are often named only as go-betweens ("a member of staff rang me back"): they count
    // as the subject only when the complaint says they did something.
    // Likewise "the police" named as an institution rather than for what officers did; officers themselves count.
    const named = s.party === 'police' && !s.acts && !s.topics ? s.officers : s.mentions;
    const mentions = s.party === 'opcc_staff' && !s.acts ? 0 : Math.min(named, MENTION_CAP);
    s.total = mentions + s.topics + s.acts;
  }
  return scores;
}

/**
 * Credits an act to whoever did it: a police officer, a body or the office's staff when the text says so;
 * otherwise the office holder when the signal counted for them (for signals with an actor rule).
 */
function credit(at: (party: string) => PartyScore, hit: SignalHit, byRule: boolean): void {
  const party = OFFICIAL_PARTIES.has(hit.actor.party) ? hit.actor.party : byRule && hit.counted ? 'office_holder' : hit.actor.party;
  if (!(party in PARTIES) || party === 'not_an_actor') return;
  at(party).acts += ACT_WEIGHT;
  at(party).quotes.unshift(hit);
}
