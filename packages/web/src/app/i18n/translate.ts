import { en } from '../../locales/en';
import { kk } from '../../locales/kk';
import { ru } from '../../locales/ru';
import { browserKnowsKazakh, formatKazakhDate, formatKazakhWait } from './kazakh-dates';
import type { Locale, Messages, PluralKey, PluralMessage, TextKey } from './messages';
import { offsetMinutes } from './zoned-time';

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

/**
 * A date, or a date and time, for the language. `timeZone` (an IANA name such as "Asia/Almaty")
 * reads the clock of that zone, as an event's times must; without it, the device's.
 */
export function formatDate(
  locale: Locale,
  iso: string,
  style: 'date' | 'dateTime' = 'date',
  timeZone?: string,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === 'kk' && !browserKnowsKazakh()) {
    return formatKazakhDate(date, style === 'dateTime', timeZone);
  }
  return new Intl.DateTimeFormat(
    locale,
    style === 'date'
      ? { dateStyle: 'long', timeZone }
      : { dateStyle: 'medium', timeStyle: 'short', timeZone },
  ).format(date);
}

/** "UTC+5", "UTC−5", "UTC+5:30": a zone's offset at `iso`, written the same in every language. */
export function formatOffset(iso: string, timeZone: string): string {
  const minutes = offsetMinutes(new Date(iso), timeZone);
  const sign = minutes < 0 ? '\u2212' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return minutes === 0
    ? 'UTC'
    : `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
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
