/**
 * Wall-clock times in a named IANA time zone (an event's "Asia/Almaty"), whatever the device's
 * own zone is. Intl knows every zone's rules; these helpers only read its answers.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows `zone` (a mistyped zone must not break a page). */
export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The date and time that a clock in `zone` shows at `date`. */
export function wallTimeIn(date: Date, zone: string): WallTime {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    partsFormats.set(zone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(date).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** Minutes `zone` is ahead of UTC at `date` (300 for Asia/Almaty, -300 for New York in winter). */
export function offsetMinutes(date: Date, zone: string): number {
  const wall = wallTimeIn(date, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-21T10:00" as a clock in `zone` reads it: what <input type="datetime-local"> wants. */
export function toZonedInput(date: Date, zone: string): string {
  const w = wallTimeIn(date, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant at which a clock in `zone` shows `value` ("2026-12-21T10:00"), or null when the
 * value is not a date and time. A time skipped by a clock change moves forward with the clock.
 */
export function fromZonedInput(value: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // A zone changes its offset at most once within a day: try the offset before and after.
  const before = offsetMinutes(new Date(asUtc - 86_400_000), zone);
  const after = offsetMinutes(new Date(asUtc + 86_400_000), zone);
  const wanted = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`;
  for (const offset of [before, after]) {
    const instant = new Date(asUtc - offset * 60_000);
    // The earlier of two readings of a repeated hour; a time that exists only once is exact.
    if (toZonedInput(instant, zone) === wanted) return instant;
  }
  // Skipped by the clock going forward: read with the offset from before the change.
  return new Date(asUtc - before * 60_000);
}

/** The device's own zone, as the browser reports it. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
