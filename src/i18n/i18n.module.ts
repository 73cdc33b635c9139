import { Global, Module } from '@nestjs/common';
import { Translations, translations } from './translations.js';

/** The translations, for pages, messages, emails and letters in any process. */
@Global()
@Module({ providers: [{ provide: Translations, useFactory: translations }], exports: [Translations] })
export class I18nModule {}
