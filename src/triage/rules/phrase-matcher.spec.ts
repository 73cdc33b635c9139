import { isNegated, matchAll, PhraseSyntaxError, phraseToRegExp, phrasesToRegExp } from './phrase-matcher.js';

const quotes = (phrase: string, text: string, terms: Record<string, string> = {}) => matchAll(text, phraseToRegExp(phrase, terms)).map((m) => m.quote);

describe('phrase matcher', () => {
  it('matches whole words in any case, never inside another word', () => {
    expect(quotes('rude', 'He was RUDE, not prudent.')).toEqual(['RUDE']);
    expect(quotes('pc', 'PC Smith and the PCC')).toEqual(['PC']);
  });

  it('reads word* as any word starting so, and keeps apostrophes inside a word', () => {
    expect(quotes('bribe*', 'bribed, bribery, a bribe, abribe')).toEqual(['bribed', 'bribery', 'bribe']);
    expect(quotes("didn't reply", 'he didn’t reply')).toEqual(['didn’t reply']);
    expect(quotes('commissioner*', "the Commissioner's office")).toEqual(["Commissioner's"]);
  });

  it('offers alternatives of several words, and optional ones that take their space with them', () => {
    expect(quotes('(hung up|put the phone down)', 'she put the phone down; he hung up')).toEqual(['put the phone down', 'hung up']);
    expect(quotes('is (a|an)? fraud', 'it is fraud, it is a fraud')).toEqual(['is fraud', 'is a fraud']);
    expect(quotes('(very )?rude', 'rude and very rude')).toEqual(['rude', 'very rude']);
  });

  it('lets .. stand for up to five words within one sentence', () => {
    expect(quotes('took .. money', 'he took all of the charity money')).toEqual(['took all of the charity money']);
    expect(quotes('took .. money', 'he took one two three four five six money')).toEqual([]);
    expect(quotes('took .. money', 'he took it. The money was gone')).toEqual([]);
    expect(quotes('(accused .. of) fraud', 'she accused the mayor of fraud')).toEqual(['accused the mayor of fraud']);
  });

  it('matches across quotation marks and commas between words, as people write them', () => {
    expect(quotes('(had|got) .. looked up', "said she had 'had it looked up' for her")).toEqual(["had 'had it looked up"]);
    expect(quotes('crooks .. criminals', 'crooks, criminals and frauds')).toEqual(['crooks, criminals']);
  });

  it('reads # as a number in figures or words, _ as any one word, and \\* as an asterisk', () => {
    expect(quotes('# times', 'forty times, 40 times, dozens times')).toEqual(['forty times', '40 times', 'dozens times']);
    expect(quotes('£#', 'paid £14,250 in all')).toEqual(['£14,250']);
    expect(quotes('the _ station', 'the Millbrook station')).toEqual(['the Millbrook station']);
    expect(quotes('f\\*\\*\\*ing', 'do your f***ing job')).toEqual(['f***ing']);
  });

  it('expands {terms} from the same file', () => {
    expect(quotes('is {offence}', 'that is theft', { offence: '(fraud|theft)' })).toEqual(['is theft']);
    expect(() => phraseToRegExp('is {missing}')).toThrow(PhraseSyntaxError);
  });

  it('rejects phrases an officer could misread', () => {
    expect(() => phraseToRegExp('(unclosed')).toThrow(PhraseSyntaxError);
    expect(() => phraseToRegExp('a.b')).toThrow(PhraseSyntaxError);
    expect(() => phraseToRegExp('(a|b)?')).toThrow(PhraseSyntaxError);
    expect(() => phraseToRegExp('back\\slash')).toThrow(PhraseSyntaxError);
  });

  it('combines many phrases into one expression scanned once', () => {
    const pattern = phrasesToRegExp(['hung up', 'rude']);
    expect(matchAll('rude and then hung up', pattern).map((m) => [m.quote, m.index])).toEqual([['rude', 0], ['hung up', 14]]);
  });
});

describe('negation', () => {
  const negatedAt = (text: string, word: string) => isNegated(text, text.indexOf(word));

  it('sees a negating word earlier in the same clause', () => {
    expect(negatedAt('He did not push me', 'push')).toBe(true);
    expect(negatedAt('He never took any money', 'took')).toBe(true);
    expect(negatedAt('I did not see him push anyone', 'push')).toBe(true);
    expect(negatedAt("She didn't threaten anyone", 'threaten')).toBe(true);
  });

  it('stops at the end of the clause', () => {
    expect(negatedAt('He did not reply, but he pushed me', 'pushed')).toBe(false);
    expect(negatedAt('Nobody came. He pushed me', 'pushed')).toBe(false);
    expect(negatedAt('when I did not answer he put a note through the door', 'put a note')).toBe(false);
  });

  it('looks back only six words', () => {
    expect(negatedAt('not one of the people in that packed room saw him push me', 'push')).toBe(false);
  });

  it('starts a new clause at why, how, what and whether', () => {
    expect(negatedAt("I don't know why he pushed me", 'pushed')).toBe(false);
    expect(negatedAt("I can't understand how the Mayor decided to close it", 'decided')).toBe(false);
  });

  it('reads "should not have" as criticism of an act that happened, not a denial of it', () => {
    expect(negatedAt('The panel should not have agreed to the Commissioner extending the contract', 'extending')).toBe(false);
    expect(negatedAt("She shouldn't have closed the station", 'closed')).toBe(false);
    expect(negatedAt("He didn't close the station", 'close')).toBe(true);
  });
});

describe('matching cost', () => {
  it('stays linear on 20,000 characters built to make a gap phrase backtrack', () => {
    const pattern = phrasesToRegExp(['(took|paid) .. (money|cash) .. (before|after) .. (decision|vote)', 'f\\*\\*\\*ing']);
    const text = 'took paid took paid money cash money before after '.repeat(400) + "'a' ' '' ".repeat(200);
    const started = performance.now();
    matchAll(text, pattern);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
