import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isLocale, LOCALES, type Locale } from './messages';
import { createTranslator, formatDate, formatWait, type Translator } from './translate';

const STORAGE_KEY = 'alany.locale';

interface I18nValue extends Translator {
  /** Shows the interface in `locale` now and remembers it on this device. */
  setLocale(locale: Locale): void;
  /** In the device's time zone, or in `timeZone` (an event's) when given. */
  date(iso: string, style?: 'date' | 'dateTime', timeZone?: string): string;
  wait(seconds: number): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The guest's language: the link's ?lang=, else the one chosen here before, else the browser's, else Kazakh. */
export function initialLocale(): Locale {
  // A link with ?lang= (the server's hreflang alternates) names the page's language.
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(asked)) return asked;
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return LOCALES[0];
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? initialLocale());

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage disabled: the choice still holds for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const translator = createTranslator(locale);
    return {
      ...translator,
      setLocale,
      date: (iso, style, timeZone) => formatDate(locale, iso, style, timeZone),
      wait: (seconds) => formatWait(locale, seconds),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
