import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { LOCALES } from './messages';
import { CATALOGUES, createTranslator } from './translate';

const keys = Object.keys(en);

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const messages = CATALOGUES[locale] as Record<string, unknown>;

  it('has every key, none empty', () => {
    const problems = keys.flatMap((key) => {
      const value = messages[key];
      if (value === undefined) return [`${key}: missing`];
      if (typeof value === 'string') return value.trim() ? [] : [`${key}: empty`];
      return Object.entries(value as Record<string, string>)
        .filter(([, form]) => !form.trim())
        .map(([form]) => `${key}.${form}: empty`);
    });
    expect(problems).toEqual([]);
  });

  it('has no keys English lacks', () => {
    expect(Object.keys(messages).filter((key) => !(key in en))).toEqual([]);
  });

  it('keeps the placeholders of the English text', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const problems = keys.flatMap((key) => {
      const source = en[key as keyof typeof en];
      const target = messages[key];
      const sourceText = typeof source === 'string' ? source : source.other;
      const targets = typeof target === 'string' ? [target] : Object.values(target as object);
      return targets
        .filter((text: string) => names(text).join() !== names(sourceText).join())
        .map((text: string) => `${key}: "${text}"`);
    });
    expect(problems).toEqual([]);
  });

  it('has every plural form the language uses', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const problems = keys
      .filter((key) => typeof en[key as keyof typeof en] !== 'string')
      .flatMap((key) =>
        categories
          .filter((category) => !(messages[key] as Record<string, string>)[category])
          .map((category) => `${key}.${category}`),
      );
    expect(problems).toEqual([]);
  });
});

describe('translate', () => {
  it('interpolates and picks the plural form per language', () => {
    expect(createTranslator('en').plural('settings.sessions.count', 1)).toBe('1 active session');
    expect(createTranslator('en').plural('settings.sessions.count', 3)).toBe('3 active sessions');
    const ru = createTranslator('ru');
    expect(ru.plural('settings.sessions.count', 1)).toBe('1 активный сеанс');
    expect(ru.plural('settings.sessions.count', 3)).toBe('3 активных сеанса');
    expect(ru.plural('settings.sessions.count', 5)).toBe('5 активных сеансов');
    expect(createTranslator('kk').t('home.title', { name: 'Айгерім' })).toBe(
      'Қош келдіңіз, Айгерім',
    );
  });
});
