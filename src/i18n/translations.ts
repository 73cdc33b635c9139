import i18next, { type i18n, type TFunction } from 'i18next';
import FsBackend from 'i18next-fs-backend';
import { LanguageDetector } from 'i18next-http-middleware';
import { fileURLToPath } from 'node:url';

/** The languages every public page, message, email and letter exists in (Welsh Language Standards). */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** One YAML file per namespace and language, in locales/<language>/<namespace>.yaml, reviewable by translators. */
export const NAMESPACES = ['common', 'complaint', 'status', 'evidence', 'letters', 'privacy', 'accessibility', 'contact', 'feedback'] as const;

/** The cookie that remembers a language chosen with ?lang= (or the toggle in the header). */
export const LANGUAGE_COOKIE = 'pcc_lang';

const localesDir = fileURLToPath(new URL('./locales', import.meta.url));

/** A request as i18next-http-middleware's detector reads it (Fastify's request has all of these). */
export interface DetectableRequest {
  url?: string;
  query?: unknown;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The translations, loaded once from the files (i18next with its file-system backend), and the language a request
 * asks for (i18next-http-middleware's detector: `?lang=`, then the remembered cookie, then `Accept-Language`).
 */
export class Translations {
  private constructor(private readonly instance: i18n) {}

  static async load(): Promise<Translations> {
    const instance = i18next.createInstance();
    await instance
      .use(FsBackend)
      .use(LanguageDetector)
      .init({
        supportedLngs: [...LANGUAGES],
        load: 'languageOnly', // cy-GB is cy
        fallbackLng: 'en',
        preload: [...LANGUAGES],
        ns: [...NAMESPACES],
        defaultNS: 'common',
        initAsync: true,
        returnNull: false,
        // Nunjucks escapes what it prints; escaping here too would show &amp; to the reader.
        interpolation: { escapeValue: false },
        backend: { loadPath: `${localesDir}/{{lng}}/{{ns}}.yaml` },
        detection: { order: ['querystring', 'cookie', 'header'], lookupQuerystring: 'lang', lookupCookie: LANGUAGE_COOKIE, caches: false },
      });
    return new Translations(instance);
  }

  /** A translation function fixed to one language (and a namespace, if given). */
  t(language: Language, namespace?: (typeof NAMESPACES)[number]): TFunction {
    return this.instance.getFixedT(language, namespace ?? null);
  }

  /** Whether both languages hold the key (a test checks every key is in both files). */
  exists(key: string, language: Language): boolean {
    return this.instance.exists(key, { lng: language, fallbackLng: false });
  }

  /** The language the request asks for: ?lang=, the cookie, then Accept-Language; English when none is ours. */
  detect(request: DetectableRequest): Language {
    const detector = this.instance.services.languageDetector as { detect(req: unknown, res: unknown): string | string[] | undefined };
    const found = detector.detect(request, {});
    const first = Array.isArray(found) ? found[0] : found;
    const language = first?.slice(0, 2).toLowerCase();
    return isLanguage(language) ? language : 'en';
  }

  /** The whole tree of one namespace in one language (for the unit test of parity). */
  resources(language: Language, namespace: string): Record<string, unknown> {
    return (this.instance.getResourceBundle(language, namespace) ?? {}) as Record<string, unknown>;
  }
}

let loaded: Promise<Translations> | undefined;

/** The process's translations, loaded on first use. */
export const translations = (): Promise<Translations> => (loaded ??= Translations.load());

export type { TFunction };
