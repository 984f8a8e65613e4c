// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatKazakhDate } from './kazakh-dates';
import { formatDate, formatOffset } from './translate';
import { fromZonedInput, isTimeZone, offsetMinutes, toZonedInput } from './zoned-time';

// Issue 26, item 3: a 10:00 Almaty event was shown as "5:00 AM" (or "12:00 AM" in New York)
// beside "Time zone Asia/Almaty". These run in whatever zone the machine has; none depends on it.
const almatyTen = '2026-12-21T05:00:00.000Z';

describe('times on the clock of a named zone', () => {
  it('formats an instant as the event zone’s clock reads it, in every language', () => {
    expect(formatDate('en', almatyTen, 'dateTime', 'Asia/Almaty')).toBe('Dec 21, 2026, 10:00 AM');
    expect(formatDate('en', almatyTen, 'dateTime', 'America/New_York')).toBe(
      'Dec 21, 2026, 12:00 AM',
    );
    expect(formatDate('ru', almatyTen, 'dateTime', 'Asia/Almaty')).toContain('10:00');
    expect(formatKazakhDate(new Date(almatyTen), true, 'Asia/Almaty')).toBe(
      '2026 ж. 21 желтоқсан, 10:00',
    );
    expect(formatKazakhDate(new Date(almatyTen), true, 'America/New_York')).toBe(
      '2026 ж. 21 желтоқсан, 00:00',
    );
  });

  it('names the offset the same way in every language', () => {
    expect(formatOffset(almatyTen, 'Asia/Almaty')).toBe('UTC+5');
    expect(formatOffset(almatyTen, 'America/New_York')).toBe('UTC\u22125');
    expect(formatOffset('2026-07-01T12:00:00Z', 'America/New_York')).toBe('UTC\u22124');
    expect(formatOffset(almatyTen, 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(formatOffset(almatyTen, 'UTC')).toBe('UTC');
  });

  it('turns a typed wall-clock time in a zone into the instant, and back', () => {
    expect(fromZonedInput('2026-12-21T10:00', 'Asia/Almaty')?.toISOString()).toBe(almatyTen);
    expect(toZonedInput(new Date(almatyTen), 'Asia/Almaty')).toBe('2026-12-21T10:00');
    expect(fromZonedInput('2026-07-01T09:30', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T13:30:00.000Z',
    );
    expect(fromZonedInput('2026-12-01T09:30', 'America/New_York')?.toISOString()).toBe(
      '2026-12-01T14:30:00.000Z',
    );
    // 02:30 does not exist in New York on 8 March 2026: it is read with the clock moved on.
    expect(fromZonedInput('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(offsetMinutes(new Date(almatyTen), 'Asia/Almaty')).toBe(300);
    expect(fromZonedInput('not a time', 'Asia/Almaty')).toBeNull();
  });

  it('tells a zone Intl knows from a mistyped one', () => {
    expect(isTimeZone('Asia/Almaty')).toBe(true);
    expect(isTimeZone('Asia/Almaty ')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
