import type { ComplaintAnalysis } from '../language/analysis.types.js';
import { viewOf } from '../language/lemma-pattern.js';
import { readPolicy, type Party } from '../language/parties.js';
import { cappedWeight, CompiledPolicy, type ActHit, type ActSpec } from './act-policy.js';
import { conductPolicy } from './conduct.rule.js';
import { politicalPolicy } from './political.rule.js';
import type { OffenceFinding } from './offence-screen.js';
import type { Evidence, RuleStep } from './rule.types.js';

interface RouteSpec {
  meaning: string;
  route: Route;
  body: string;
  heads?: string[];
}

const spec = readPolicy<{ routes: Record<string, RouteSpec>; acts: Record<string, ActSpec> }>('remit.yaml');
const ROUTES = spec.routes;
const topics = new CompiledPolicy('remit', spec.acts);
const BODY_OF_HEAD = new Map<string, string>();
for (const [name, r] of Object.entries(ROUTES)) for (const h of r.heads ?? []) BODY_OF_HEAD.set(h, name);

export type Route = 'force' | 'pcc' | 'opcc_chief_executive' | 'other_body';

/** Where a party of the remit step's scores goes (remit.yaml routes), or null for one it does not know. */
export function routeOfRemitParty(party: string): { route: Route; body: string } | null {
  const r = ROUTES[party];
  return r ? { route: r.route, body: r.body } : null;
}

/** Political topics that make a policing subject in the same sentence a matter of policy, not operations. */
const POLICY_TOPICS = new Set(['budget_and_precept', 'decision_or_policy', 'commissioning', 'closures', 'priorities']);
/** Verbs that say nothing about conduct: being, having, saying in general. */
const EMPTY_VERBS = new Set(['be', 'have', 'do', 'get', 'go', 'come', 'say', 'know', 'think', 'want', 'seem', 'tell', 'ask', 'write', 'let', 'make', 'see', 'try']);
/** Another party must score at least this, and more than the office holder, for the complaint to leave the panel. */
const MIN_OTHER_SCORE = 2;
const ACTS_CAP = 5;
const MENTIONS_CAP = 3;
/** What someone did that a complaint is made of (rudeness, an offence, a failure) weighs more than a plain verb. */
const CONDUCT_ACT_WEIGHT = 2;

interface Score {
  party: string;
  acts: number;
  mentions: number;
  topics: number;
  conduct: number;
  quotes: string[];
}

/**
 * Who is the complaint about? For the office holder and each party it could be redirected to: the acts the analysis
 * gives them (what they are said to have done), how often they are named (not merely as the owner of something),
 * the subject matter that belongs to them (remit.yaml), and the conduct the complaint says they showed.
 *
 * Verdicts: office_holder | force | chief_constable | opcc_staff | other_body | unclear.
 */
export const remitRule: RuleStep<'remit'> = {
  name: 'remit',
  question: "Is it about the office holder's own conduct, or about police officers, the chief constable, the office's staff or another body?",
  run(facts) {
    const text = `${facts.summary}\n${facts.details}`;
    const scores = scoreParties(facts.analysis, text);
    const total = (s: Score) => Math.min(s.acts, ACTS_CAP) + Math.min(s.mentions, MENTIONS_CAP) + s.topics + s.conduct;
    const officeHolder = scores.get('office_holder')!;
    const others = [...scores.values()].filter((s) => s.party !== 'office_holder' && total(s) > 0).sort((a, b) => total(b) - total(a));
    const best = others[0];
    const redirect = best !== undefined && total(best) >= MIN_OTHER_SCORE && total(best) > total(officeHolder) && !(officeHolder.conduct >= CONDUCT_ACT_WEIGHT && officeHolder.conduct >= best.conduct);
    const party = redirect ? best.party : total(officeHolder) > 0 ? 'office_holder' : 'unclear';
    const route = redirect ? ROUTES[best.party] : undefined;
    const verdict = !route ? party : route.route === 'other_body' ? 'other_body' : best.party === 'police' ? 'force' : best.party;
    const because = route ? `about ${route.meaning}, not the office holder's own conduct: redirect to ${route.body}` : "about the office holder's own conduct";
    const lead = redirect ? best : officeHolder;
    const evidence: Evidence[] = lead.quotes.slice(0, 5).map((quote) => ({ quote, meaning: because }));
    if (!evidence.length) evidence.push({ quote: facts.summary, meaning: party === 'unclear' ? 'nobody is clearly named doing anything; taken to be about the office holder' : because });
    const alsoAbout = others.filter((s) => s !== best || !redirect).filter((s) => total(s) >= MIN_OTHER_SCORE).map((s) => s.party);
    if (!redirect && alsoAbout.length) {
      const also = scores.get(alsoAbout[0])!;
      evidence.push({ quote: also.quotes[0] ?? facts.summary, meaning: `also about ${alsoAbout.map((p) => ROUTES[p]?.meaning ?? p).join('; ')}: that part may need redirecting` });
    }
    return {
      verdict,
      evidence,
      findings: {
        route: route?.route ?? null,
        body: route?.body ?? null,
        party,
        scores: Object.fromEntries([...scores.values()].filter((s) => total(s) > 0).map((s) => [s.party, total(s)])),
        alsoAbout,
      },
    };
  },
};

/** The remit party of a doer or mention: other bodies by the words that name them ("the council", "a GP"). */
function partyOf(party: Party, token: number, analysis: ComplaintAnalysis): string | null {
  if (party === 'office_holder') return 'office_holder';
  if (party === 'police_officers' || party === 'force') return 'police';
  if (party === 'chief_constable') return 'chief_constable';
  if (party === 'office') return 'opcc_staff';
  if (party !== 'other_body') return null;
  for (let k = token; k >= Math.max(0, token - 3); k--) {
    const body = BODY_OF_HEAD.get(analysis.lemmas[k]);
    if (body) return body;
  }
  return 'other_public_body';
}

function scoreParties(analysis: ComplaintAnalysis & { offences?: OffenceFinding[] }, text: string): Map<string, Score> {
  const scores = new Map<string, Score>();
  const at = (party: string) => {
    let s = scores.get(party);
    if (!s) scores.set(party, (s = { party, acts: 0, mentions: 0, topics: 0, conduct: 0, quotes: [] }));
    return s;
  };
  at('office_holder');
  const view = viewOf(analysis, text);
  // the act in the complaint's words: from its doer (when named just before it) to a few words after the verb
  const actQuote = (doer: number, verb: number) => {
    const from = doer >= 0 && doer < verb && verb - doer <= 8 ? doer : verb;
    let to = verb;
    while (to + 1 < analysis.lemmas.length && to < verb + 4 && view.sentenceOf[to + 1] === view.sentenceOf[verb]) to++;
    return text.slice(analysis.starts[from], analysis.ends[to]);
  };
  const doerTokens = new Set(analysis.acts.map((a) => a.doerToken));
  for (const m of analysis.mentions) {
    const party = m.possessive ? null : partyOf(m.party, m.token, analysis);
    // "the police" as an institution is named in most complaints to a commissioner; officers as people count
    if (!party || (m.party === 'force' && !doerTokens.has(m.token))) continue;
    at(party).mentions += 1;
  }
  for (const act of analysis.acts) {
    if (act.negated || EMPTY_VERBS.has(analysis.lemmas[act.verb])) continue;
    const party = partyOf(act.doer, act.doerToken, analysis);
    if (!party) continue;
    const s = at(party);
    s.acts += 1;
    if (s.quotes.length < 5) s.quotes.push(actQuote(act.doerToken, act.verb));
  }
  // a station, a front counter or speed cameras named as the subject of a decision (closing it, paying for it,
  // scrapping it) is the office holder's policy, not operational policing: those words do not send it to the force
  const policySentences = new Set(politicalPolicy.find(analysis, text).filter((h) => h.counted && h.kind === 'topic' && POLICY_TOPICS.has(h.act)).map((h) => h.sentence));
  const topicHits = topics.find(analysis, text).filter((h) => h.counted && !h.negated && !(h.kind === 'police' && policySentences.has(h.sentence)));
  for (const kind of new Set(topicHits.map((h) => h.kind!))) {
    const hits = topicHits.filter((h) => h.kind === kind);
    const s = at(kind);
    s.topics += cappedWeight(hits, 2);
    s.quotes.unshift(...hits.slice(0, 2).map((h) => h.quote));
  }
  creditConduct(conductPolicy.find(analysis, text), analysis, at);
  for (const f of analysis.offences ?? []) {
    const party = partyOf(f.doer, -1, analysis);
    if (!party || (f.strength === 'none' && party === 'office_holder')) continue;
    at(party).conduct += CONDUCT_ACT_WEIGHT;
    at(party).quotes.unshift(f.quote);
  }
  return scores;
}

/** Conduct counts for whoever showed it: the office holder's rudeness is the panel's, an officer's the force's. */
function creditConduct(hits: ActHit[], analysis: ComplaintAnalysis, at: (party: string) => Score): void {
  for (const h of hits) {
    if (h.negated || h.weight <= 0) continue;
    const party = h.counted ? 'office_holder' : partyOf(h.doer, -1, analysis);
    if (!party) continue;
    const s = at(party);
    s.conduct += CONDUCT_ACT_WEIGHT;
    s.quotes.unshift(h.quote);
  }
}
