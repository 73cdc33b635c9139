import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { isLanguage, LANGUAGE_COOKIE, type Language, type Translations } from '../i18n/translations.js';

/** Staff pages stay in English (their words live in their templates); everything else a complainant may see is bilingual. */
const STAFF_PREFIXES = ['/login', '/logout', '/cases', '/my-work', '/admin', '/audit', '/stats', '/reports', '/api/'];
export const isStaffPath = (url: string) => STAFF_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || url.startsWith(`${prefix}?`));

/** Where the language toggle leads from a page that answered a POST: the form page of the same journey. */
const PAGE_OF_POST: Record<string, string> = { '/complaints': '/complaints/new' };

declare module 'fastify' {
  interface FastifyRequest {
    /** The language this request's page (and any complaint it makes) is in. */
    language: Language;
  }
}

const PLURAL_FORMS: Record<Language, string[]> = {
  en: new Intl.PluralRules('en').resolvedOptions().pluralCategories,
  cy: new Intl.PluralRules('cy').resolvedOptions().pluralCategories,
};

const YEAR_SECONDS = 365 * 24 * 3600;

/** A date in the complainant's language, in London time: "5 November 2026" / "5 Tachwedd 2026". */
export const localDate = (value: string | Date, language: Language) =>
  DateTime.fromJSDate(new Date(value), { zone: 'Europe/London' }).setLocale(language === 'cy' ? 'cy' : 'en-GB').toFormat('d LLLL yyyy');

/**
 * Chooses the page's language before anything renders (error pages included): `?lang=` (remembered in a cookie), the
 * cookie, then `Accept-Language`. Sets what every template needs: `t`, `htmlLang` and the toggle's links.
 */
export function choosePageLanguage(translations: Translations, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const staff = isStaffPath(path);
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  const language: Language = staff ? 'en' : translations.detect(request);
  if (!staff && isLanguage(asked)) {
    reply.setCookie(LANGUAGE_COOKIE, asked, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true, secure: 'auto' });
  }
  request.language = language;
  setPageLanguage(reply, translations, language, staff ? null : (request.method === 'GET' ? path : (PAGE_OF_POST[path] ?? path)));
}

/** Renders this reply in `language` (a form post answers in the language of the form that was sent). */
export function setPageLanguage(reply: FastifyReply, translations: Translations, language: Language, togglePath: string | null = null): void {
  const previous = (reply.locals ?? {}) as { languageToggle?: { path: string } | null };
  const path = togglePath ?? previous.languageToggle?.path ?? null;
  const t = translations.t(language);
  const plurals = (key: string) => Object.fromEntries(PLURAL_FORMS[language].map((form) => [form, t(`${key}_${form}`)]));
  reply.locals = {
    ...reply.locals,
    t,
    htmlLang: language,
    language,
    date: (value: string | Date) => localDate(value, language),
    plurals,
    // A GOV.UK error message for a field, its hidden "Error:" prefix in the page's language; false when none.
    fieldError: (message?: string) => (message ? { text: message, visuallyHiddenText: t('errorPrefix') } : false),
    // A GOV.UK character count's texts, pluralised by the page language's rules (GOV.UK Frontend fills in %{count}).
    characterCountText: (params: Record<string, unknown>) => ({
      ...params,
      textareaDescriptionText: plurals('complaint:characterCount.description').other,
      charactersUnderLimitText: plurals('complaint:characterCount.underLimit'),
      charactersAtLimitText: t('complaint:characterCount.atLimit'),
      charactersOverLimitText: plurals('complaint:characterCount.overLimit'),
    }),
    languageToggle: path ? { path, other: language === 'cy' ? 'en' : 'cy' } : null,
  };
}
