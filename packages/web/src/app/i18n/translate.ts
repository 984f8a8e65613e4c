import { en } from '../../locales/en';
import { kk } from '../../locales/kk';
import { ru } from '../../locales/ru';
import { browserKnowsKazakh, formatKazakhDate, formatKazakhWait } from './kazakh-dates';
import type { Locale, Messages, PluralKey, PluralMessage, TextKey } from './messages';

export const CATALOGUES: Record<Locale, Messages> = { kk, ru, en };

export type Params = Record<string, string | number>;

/** Replaces `{name}` with params.name; numbers are formatted for the language. */
export function interpolate(template: string, locale: Locale, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export interface Translator {
  locale: Locale;
  t(key: TextKey, params?: Params): string;
  /** A message with a number in it, in the plural form the language needs for `count`. */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** Whether a key exists: lets callers try a specific message before a general one. */
  has(key: string): key is TextKey;
}

export function createTranslator(locale: Locale): Translator {
  const messages = CATALOGUES[locale];
  const rules = new Intl.PluralRules(locale);
  return {
    locale,
    t: (key, params) => interpolate(messages[key], locale, params),
    plural: (key, count, params) => {
      const forms: PluralMessage = messages[key];
      const form = forms[rules.select(count)] ?? forms.other;
      return interpolate(form, locale, { count, ...params });
    },
    has: (key): key is TextKey => typeof (messages as Record<string, unknown>)[key] === 'string',
  };
}

export function formatDate(
  locale: Locale,
  iso: string,
  style: 'date' | 'dateTime' = 'date',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === 'kk' && !browserKnowsKazakh()) return formatKazakhDate(date, style === 'dateTime');
  return new Intl.DateTimeFormat(
    locale,
    style === 'date' ? { dateStyle: 'long' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
}

/** "in 5 minutes" / "через 5 минут" / "5 минуттан кейін", for a wait given in seconds. */
export function formatWait(locale: Locale, seconds: number): string {
  const [amount, unit] =
    seconds < 90
      ? ([Math.max(1, Math.ceil(seconds)), 'second'] as const)
      : seconds < 90 * 60
        ? ([Math.ceil(seconds / 60), 'minute'] as const)
        : ([Math.ceil(seconds / 3600), 'hour'] as const);
  if (locale === 'kk' && !browserKnowsKazakh()) return formatKazakhWait(amount, unit);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(amount, unit);
}
