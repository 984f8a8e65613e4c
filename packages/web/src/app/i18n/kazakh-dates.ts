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

/** "2026 ж. 27 қараша" or, with the time, "2026 ж. 27 қараша, 14:05". */
export function formatKazakhDate(date: Date, withTime: boolean): string {
  const day = `${date.getFullYear()} ж. ${date.getDate()} ${MONTHS[date.getMonth()]}`;
  if (!withTime) return day;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "5 минуттан кейін": the ablative suffix is -тан for all three units. */
export function formatKazakhWait(amount: number, unit: 'second' | 'minute' | 'hour'): string {
  const word = { second: 'секунд', minute: 'минут', hour: 'сағат' }[unit];
  return `${amount} ${word}тан кейін`;
}
