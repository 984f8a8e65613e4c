import { wallTimeIn } from './zoned-time';

/**
 * Some browsers ship ICU without Kazakh data (Chromium on Debian prints "2026 M11 27"), so
 * Kazakh dates and waits are written here, following CLDR's patterns for kk.
 */
const MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

let knowsKazakh: boolean | undefined;

/** Whether Intl really has Kazakh month names (some builds list kk but fall back to "M11"). */
export function browserKnowsKazakh(): boolean {
  knowsKazakh ??= /[а-яәіңғүұқөһ]/i.test(
    new Intl.DateTimeFormat('kk', { month: 'long' }).format(new Date(2026, 10, 27)),
  );
  return knowsKazakh;
}

/**
 * "2026 ж. 27 қараша" or, with the time, "2026 ж. 27 қараша, 14:05"; in `timeZone` when given,
 * else in the device's zone.
 */
export function formatKazakhDate(date: Date, withTime: boolean, timeZone?: string): string {
  const wall = timeZone
    ? wallTimeIn(date, timeZone)
    : {
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        hour: date.getHours(),
        minute: date.getMinutes(),
      };
  const day = `${wall.year} ж. ${wall.day} ${MONTHS[wall.month - 1]}`;
  if (!withTime) return day;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "5 минуттан кейін": the ablative suffix is -тан for all three units. */
export function formatKazakhWait(amount: number, unit: 'second' | 'minute' | 'hour'): string {
  const word = { second: 'секунд', minute: 'минут', hour: 'сағат' }[unit];
  return `${amount} ${word}тан кейін`;
}
