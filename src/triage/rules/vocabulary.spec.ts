import { phrasesToRegExp } from './phrase-matcher.js';
import { loadPartiesVocabulary, loadVocabulary, VOCABULARY_FILES, vocabularyFingerprint } from './vocabulary.js';

describe('vocabulary files', () => {
  it.each(VOCABULARY_FILES)('%s.yaml: every signal has a plain-English meaning, a weight and phrases that compile', (name) => {
    const vocabulary = loadVocabulary(name);
    expect(vocabulary.step.replace(/_/g, '-')).toBe(name);
    for (const [signal, spec] of Object.entries(vocabulary.signals)) {
      expect({ signal, meaning: spec.meaning.length > 10 }).toEqual({ signal, meaning: true });
      expect(() => phrasesToRegExp(spec.phrases, vocabulary.terms)).not.toThrow();
      for (const list of spec.with ?? []) expect(() => phrasesToRegExp(list, vocabulary.terms)).not.toThrow();
      expect(['office_holder', 'involved', 'any', undefined]).toContain(spec.actor);
    }
  });

  it('names, for every party other than the office holder, where its complaints go', () => {
    const { parties, people, responsibility } = loadPartiesVocabulary();
    for (const [party, spec] of Object.entries(parties)) {
      if (party === 'office_holder' || party === 'not_an_actor') continue;
      expect({ party, route: spec.route, body: !!spec.body }).toEqual({ party, route: expect.stringMatching(/^(force|pcc|opcc_chief_executive|other_body)$/), body: true });
    }
    for (const list of [...Object.values(people), responsibility]) expect(() => phrasesToRegExp(list)).not.toThrow();
  });

  it('merges the theme files a vocabulary includes, each signal defined once', () => {
    const vocabulary = loadVocabulary('criminal-allegation');
    expect(vocabulary.include?.length).toBeGreaterThan(0);
    expect(Object.keys(vocabulary.signals)).toEqual(expect.arrayContaining(['named_offence', 'gift_before_decision', 'violence', 'records_destroyed']));
  });

  it('fingerprints the vocabulary for the rule-set version', () => {
    expect(vocabularyFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
