import type { EmailMessage } from '../../platform/mail/mailer.js';
import { icalendar } from '../../platform/text/icalendar.js';
import type { Event } from './events.entity.js';

export type EventMailKind = 'registered' | 'waitlisted' | 'promoted' | 'cancelled';

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;
type Language = keyof typeof LOCALES;

/**
 * The event's start as its own people read it: in each part's language (issue #26.12), in the
 * event's time zone, labelled with that zone (its offset and its IANA name), so that a reader in
 * another zone is not misled.
 */
export function eventTime(event: Event, language: Language): string {
  const locale = LOCALES[language];
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: event.timezone,
  }).format(event.startsAt);
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: event.timezone, timeZoneName: 'shortOffset' })
      .formatToParts(event.startsAt)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  return `${when} (${[offset, event.timezone].filter(Boolean).join(', ')})`;
}

/** The mail a registrant gets: Kazakh, Russian and English, each part in its own words and dates. */
export function eventEmail(
  publicUrl: string,
  event: Event,
  to: string,
  what: EventMailKind,
): EmailMessage {
  const kk = eventTime(event, 'kk');
  const ru = eventTime(event, 'ru');
  const en = eventTime(event, 'en');
  const link = `${publicUrl}/events/${event.id}`;
  const lines: Record<EventMailKind, [string, string, string]> = {
    registered: [
      `Сіз «${event.title}» іс-шарасына тіркелдіңіз. Басталуы: ${kk}.`,
      `Вы зарегистрированы на «${event.title}». Начало: ${ru}.`,
      `You are registered for "${event.title}". It starts ${en}.`,
    ],
    waitlisted: [
      `Орын жоқ: сіз «${event.title}» күту тізіміндесіз. Орын босаса, хабарлаймыз.`,
      `Мест нет: вы в листе ожидания «${event.title}». Сообщим, если место освободится.`,
      `The event is full: you are on the waitlist for "${event.title}". We will tell you if a seat frees up.`,
    ],
    promoted: [
      `Орын босады: сіз енді «${event.title}» іс-шарасына тіркелдіңіз. Басталуы: ${kk}.`,
      `Место освободилось: теперь вы зарегистрированы на «${event.title}». Начало: ${ru}.`,
      `A seat freed up: you are now registered for "${event.title}". It starts ${en}.`,
    ],
    cancelled: [
      `«${event.title}» іс-шарасы болмайды (${kk} өтуі тиіс еді).`,
      `Мероприятие «${event.title}» (${ru}) отменено.`,
      `"${event.title}" (${en}) has been cancelled.`,
    ],
  };
  const attachCalendar = what === 'registered' || what === 'promoted' || what === 'cancelled';
  return {
    to,
    kind: `event.${what}`,
    organisationId: null,
    subject: `Alany: ${event.title}`,
    text: [...lines[what], '', event.location, event.onlineUrl ?? '', link]
      .filter((line) => line !== undefined)
      .join('\n'),
    attachments: attachCalendar
      ? [
          {
            filename: 'event.ics',
            contentType: 'text/calendar; charset=utf-8',
            content: icalendar({
              uid: event.id,
              title: event.title,
              description: `${link}`,
              startsAt: event.startsAt,
              endsAt: event.endsAt,
              location: event.location || event.onlineUrl || '',
              url: link,
              cancelled: what === 'cancelled',
            }),
          },
        ]
      : [],
  };
}
