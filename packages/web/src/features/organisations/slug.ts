import type { Locale } from '../../app/i18n/messages';

/**
 * Kazakh in the Latin alphabet of 2021 (the one approved that year): ә→ä, ғ→ğ, қ→q, ң→ñ, ө→ö,
 * ұ→ū, ү→ü, һ→h, і→ı, и/й→i, ы→y, ш→ş, ч→ç. Letters only Russian words use follow its common
 * practice (ц→ts, щ→şş, ю→iu, я→ia, ё→io); the hard and soft signs are dropped.
 */
const KAZAKH: Record<string, string> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ç',
  ш: 'ş',
  щ: 'şş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * Russian as Russian passports write names (ICAO Doc 9303, in use since 2014); the Kazakh letters
 * a Russian text may still hold are read as in Kazakh.
 */
const RUSSIAN: Record<string, string> = {
  ...KAZAKH,
  ё: 'e',
  ж: 'zh',
  и: 'i',
  й: 'i',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Letters only Kazakh has: a name with one of them is Kazakh, whatever the interface speaks. */
const ONLY_KAZAKH = /[әғқңөұүһі]/i;

/** A Cyrillic Kazakh or Russian text in Latin letters; other scripts pass through unchanged. */
export function transliterate(text: string, locale: Locale): string {
  const lower = text.toLowerCase();
  const table = ONLY_KAZAKH.test(lower) || locale === 'kk' ? KAZAKH : RUSSIAN;
  return [...lower].map((letter) => table[letter] ?? letter).join('');
}

/**
 * A suggestion only, for an organisation's or network's address: Kazakh and Russian are
 * transliterated, marks come off the letters (ä→a, ğ→g, ı→i) except ş and ç, which become sh and
 * ch as they are read (a bare s or c would read as another sound), and anything but Latin letters
 * and digits becomes a dash.
 */
export function suggestSlug(name: string, locale: Locale = 'en'): string {
  return transliterate(name, locale)
    .replace(/ı/g, 'i')
    .replace(/ş/g, 'sh')
    .replace(/ç/g, 'ch')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
