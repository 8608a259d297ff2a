// The translated guide or scenario body for a locale, when there is one (ids "<locale>/<name>").
import { getEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';

export const guideFor = async (name: string, locale: Locale) =>
  locale === 'en' ? undefined : await getEntry('guideTranslations', `${locale}/${name}`);

export const scenarioFor = async (slug: string, locale: Locale) =>
  locale === 'en' ? undefined : await getEntry('scenarioTranslations', `${locale}/${slug}`);
