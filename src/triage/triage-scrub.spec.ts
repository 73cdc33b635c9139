import { ERASED } from '../common/erased.js';
import { analysisRemains, scrubTriageRecord } from './triage-scrub.js';

const complaint = 'Commissioner Bramblewick shouted at me in the Ravensworth library and then took my umbrella without asking.';

describe('scrubTriageRecord', () => {
  it('empties quotes and lists of quotes, keeping the rules’ meanings', () => {
    const evidence = [{ quote: 'took my umbrella', meaning: 'an allegation of theft [Theft; done by the office holder]' }];
    expect(scrubTriageRecord(evidence, [complaint])).toEqual([{ quote: '', meaning: 'an allegation of theft [Theft; done by the office holder]' }]);
    expect(scrubTriageRecord({ quotes: [{ quote: 'x', meaning: 'y' }], score: 2 }, [complaint])).toEqual({ quotes: [], score: 2 });
  });

  it('replaces any other string that repeats four words of the complaint, or a phrase of it', () => {
    const findings = {
      because: 'the writer says: shouted at me in the library',
      allegations: [{ quote: 'shouted at me', what: 'conduct', doer: 'office_holder' }],
      body: 'Ravensworth library',
      reference: 'PCC-AB12-CD34',
      signals: ['theft', 'abuse of office'],
    };
    const scrubbed = scrubTriageRecord(findings, [complaint]);
    expect(scrubbed.because).toBe(ERASED);
    expect(scrubbed.allegations[0]).toEqual({ quote: '', what: 'conduct', doer: 'office_holder' });
    expect(scrubbed.body).toBe(ERASED);
    expect(scrubbed.reference).toBe('PCC-AB12-CD34');
    expect(scrubbed.signals).toEqual(['theft', 'abuse of office']);
    expect(JSON.stringify(scrubbed).toLowerCase()).not.toMatch(/bramblewick|umbrella|ravensworth/);
  });

  it('scrubs the name and address it is given as well as the complaint', () => {
    expect(scrubTriageRecord({ note: 'Perpetua Quillfeather' }, [complaint, 'Perpetua Quillfeather'])).toEqual({ note: ERASED });
  });
});

describe('analysisRemains', () => {
  it('keeps whether there was English to read and none of the words', () => {
    const left = analysisRemains({ version: 1, language: 'en', englishShare: 0.9, otherLanguage: null, lemmas: ['commissioner', 'bramblewick'], headlineEnd: 4 } as never);
    expect(left).toEqual({ version: 1, language: 'en', englishShare: 0.9, otherLanguage: null, erased: true });
  });
});
