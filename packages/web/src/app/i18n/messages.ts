import { type en } from '../../locales/en';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message that depends on a number, one form per Intl.PluralRules category the language uses. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };
/** Every language has exactly the English keys, with the same kind of value (text or plural). */
export type Messages = Shape<typeof en>;
export type MessageKey = keyof Messages;
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
export type PluralKey = Exclude<MessageKey, TextKey>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
