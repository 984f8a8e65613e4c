// @vitest-environment node
import { expect, it } from 'vitest';
import { formatKazakhDate, formatKazakhWait } from './kazakh-dates';

// Node ships full ICU: the hand-written Kazakh must read as ICU's does where a browser lacks it.
it('writes Kazakh dates and waits as full ICU does', () => {
  for (const iso of ['2026-01-05T09:07:00', '2026-11-27T23:59:00', '2027-06-15T12:00:00']) {
    const date = new Date(iso);
    expect(formatKazakhDate(date, false)).toBe(
      new Intl.DateTimeFormat('kk', { dateStyle: 'long' }).format(date),
    );
  }
  const rtf = new Intl.RelativeTimeFormat('kk', { numeric: 'always' });
  for (const [amount, unit] of [
    [30, 'second'],
    [5, 'minute'],
    [2, 'hour'],
  ] as const) {
    expect(formatKazakhWait(amount, unit)).toBe(rtf.format(amount, unit));
  }
});
