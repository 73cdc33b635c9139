import { LANGUAGES, NAMESPACES, Translations } from './translations.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every key of a nested tree, dotted, with plural suffixes folded into one key. */
function keysOf(tree: Record<string, unknown>, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const k of keysOf(value as Record<string, unknown>, path)) keys.add(k);
    else keys.add(path.replace(PLURAL_SUFFIX, '_#'));
  }
  return keys;
}

function leaves(tree: unknown, path = ''): Array<[string, unknown]> {
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) return Object.entries(tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  if (Array.isArray(tree)) return tree.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, tree]];
}

describe('translations', () => {
  let translations: Translations;

  beforeAll(async () => {
    translations = await Translations.load();
  });

  it.each(NAMESPACES)('has the same keys in Welsh and English in %s, none empty', (namespace) => {
    const english = translations.resources('en', namespace);
    const welsh = translations.resources('cy', namespace);
    expect([...keysOf(welsh)].sort()).toEqual([...keysOf(english)].sort());
    for (const language of LANGUAGES) {
      for (const [path, value] of leaves(translations.resources(language, namespace))) {
        expect([`${language}:${namespace}:${path}`, typeof value === 'string' && value.trim() !== '']).toEqual([`${language}:${namespace}:${path}`, true]);
      }
    }
  });

  it('has every plural form Welsh and English need', () => {
    for (const language of LANGUAGES) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const namespace of NAMESPACES) {
        const plural = [...keysOf(translations.resources(language, namespace))].filter((k) => k.endsWith('_#'));
        for (const key of plural) for (const form of forms) expect([key, form, translations.exists(`${namespace}:${key.replace("_#", `_${form}`)}`, language)]).toEqual([key, form, true]);
      }
    }
  });

  it('chooses the language from ?lang=, then the remembered choice, then Accept-Language', () => {
    expect(translations.detect({ url: '/', query: { lang: 'cy' }, headers: {} })).toBe('cy');
    expect(translations.detect({ url: '/', query: { lang: 'xx' }, cookies: { pcc_lang: 'cy' }, headers: {} })).toBe('cy');
    expect(translations.detect({ url: '/', query: {}, cookies: { pcc_lang: 'en' }, headers: { 'accept-language': 'cy' } })).toBe('en');
    expect(translations.detect({ url: '/', query: {}, headers: { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.8' } })).toBe('cy');
    expect(translations.detect({ url: '/', query: {}, headers: { 'accept-language': 'fr-FR, cy;q=0.5' } })).toBe('cy');
    expect(translations.detect({ url: '/', query: {}, headers: { 'accept-language': 'fr-FR' } })).toBe('en');
    expect(translations.detect({ url: '/', query: {}, headers: {} })).toBe('en');
  });

  it('translates with i18next, falling back to nothing missing', () => {
    expect(translations.t('cy')('errorSummaryTitle')).toBe('Mae problem wedi codi');
    expect(translations.t('en', 'complaint')('errors.email.invalid')).toContain('name@example.com');
    expect(translations.t('cy')('wait.minutes', { count: 2 })).toBe('2 funud');
  });
});
