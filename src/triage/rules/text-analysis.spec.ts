import { analyse } from './text-analysis.js';
import { findQuotes, splitSentences } from './text-structure.js';
import { complaintFacts } from '../../../test/helpers/complaint-facts.js';

const facts = (details: string, subjectName: string | null = 'Alex Morgan') => complaintFacts('', details, { subjectName });

/** The party said to have done the act named by `words` in text. */
const actorOf = (text: string, words: string, subjectName?: string | null) => {
  const analysis = analyse(facts(text, subjectName));
  const index = analysis.text.indexOf(words);
  return analysis.actorAt(index, index + words.length).party;
};

describe('text structure', () => {
  it('splits sentences at full stops and line breaks, not after Mr or in figures', () => {
    const text = 'Mr. Smith paid £912.40 at 10.15pm. Then he left!\nNew line';
    expect(splitSentences(text).map((s) => text.slice(s, s + 8))).toEqual(['Mr. Smit', 'Then he ', 'New line']);
  });

  it('finds quotations but not apostrophes', () => {
    const text = "He said 'you are a moron' and didn't stop; the residents' group heard “every word”.";
    expect(findQuotes(text).map(([s, e]) => text.slice(s, e + 1))).toEqual(["'you are a moron'", '“every word”']);
  });
});

describe('who did it', () => {
  it('names the office holder by role or by name', () => {
    expect(actorOf('The Commissioner pushed me.', 'pushed')).toBe('office_holder');
    expect(actorOf('mr morgan snatched my phone', 'snatched')).toBe('office_holder');
    expect(actorOf('Alex shoved me aside.', 'shoved')).toBe('office_holder');
  });

  it('tells police officers, other bodies and other people apart from the office holder', () => {
    expect(actorOf('The officer pushed me to the ground.', 'pushed')).toBe('police');
    expect(actorOf("The Commissioner's officers pushed my son.", 'pushed')).toBe('police');
    expect(actorOf('The man who punched my son was sentenced.', 'punched')).toBe('person');
    expect(actorOf("The PCC's husband punched me.", 'punched')).toBe('person');
    expect(actorOf('The council ignored my reports.', 'ignored')).toBe('council');
  });

  it('resolves he, she and they to the nearest mention that fits', () => {
    expect(actorOf('I saw Mrs Morgan at the bar. Later she drove off.', 'drove off')).toBe('office_holder');
    expect(actorOf('My daughter met the Commissioner. He put his hand on her.', 'put his hand')).toBe('office_holder');
    expect(actorOf('Three officers arrived. They dragged him out.', 'dragged')).toBe('police');
    expect(actorOf('I rang the council. They kept closing my reports.', 'kept closing')).toBe('council');
  });

  it('gives quoted words to their speaker', () => {
    expect(actorOf("The Mayor said 'I'll send some lads round'.", 'send some lads')).toBe('office_holder');
    expect(actorOf("The sergeant told me 'you know what I mean'.", 'you know what')).toBe('police');
  });

  it('reads a passive without a doer as nobody, and "by" as the doer', () => {
    expect(actorOf('The Commissioner spoke. Our house was burgled.', 'burgled')).toBe('nobody');
    expect(actorOf('I was pushed by the Commissioner.', 'pushed')).toBe('office_holder');
  });

  it('does not take the writer for the doer unless the writer is the subject', () => {
    expect(actorOf('I pushed him away.', 'pushed')).toBe('self');
    expect(actorOf('The PCC told me I was lying and then shoved me.', 'shoved')).toBe('office_holder');
    expect(actorOf('As a former member of staff I saw the Commissioner shout at a caseworker.', 'shout')).toBe('office_holder');
  });

  it('does not take a party named after a preposition for the doer of a later act, unless a relative clause says so', () => {
    expect(actorOf('The Commissioner lost his temper with his assistant and threw a stapler at her.', 'threw')).toBe('office_holder');
    expect(actorOf('The PCC was shouting at a taxi driver who refused him, calling him names and kicking the door.', 'kicking')).toBe('office_holder');
    expect(actorOf('I complained to the Commissioner about the sergeant, who pushed me.', 'pushed')).toBe('police');
  });

  it('prefers a doer over a possessive for he and she, but keeps the office holder named in the same sentence', () => {
    expect(actorOf("A caseworker at the Commissioner's office lost my file. She then refused to apologise.", 'refused')).toBe('opcc_staff');
    expect(actorOf("I wrote to the Commissioner's office. She never replied.", 'never replied')).toBe('office_holder');
  });

  it('reads "you" as the office holder in a letter that opens "Dear Commissioner", and only then', () => {
    expect(actorOf('Dear Commissioner, you promised to meet us and you cancelled twice.', 'cancelled')).toBe('office_holder');
    expect(actorOf('Dear Mrs Morgan,\nYou said you would call me back.', 'would call')).toBe('office_holder');
    const analysis = analyse(facts('Dear Panel, you must look at what the officer did.'));
    expect(analysis.mentions.some((m) => m.text.toLowerCase() === 'you')).toBe(false);
  });

  it('does not take the office holder asked to act for the doer', () => {
    expect(actorOf('I want the commissioner to get the charge dropped.', 'charge dropped')).not.toBe('office_holder');
  });

  it('does not count the office holder named only as the one in charge', () => {
    const analysis = analyse(facts('I am writing to the Commissioner because she is in charge of the police. The officer swore at me.'));
    expect(analysis.mentions.filter((m) => m.party === 'office_holder').every((m) => m.responsibility)).toBe(true);
    expect(analysis.officeHolderNear(analysis.text.indexOf('swore'), 1)).toBe(false);
  });
});
