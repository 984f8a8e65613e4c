import { useI18n } from '../../app/i18n/I18nProvider';
import { formatOffset } from '../../app/i18n/translate';
import { deviceTimeZone, isTimeZone } from '../../app/i18n/zoned-time';

/**
 * When an event happens, on the clock of the event's own time zone (the one its page and its
 * e-mails name), and beside it the viewer's own time when the two clocks differ.
 */
export function EventTime({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string;
  /** Left out in lists, where the start is enough. */
  endsAt?: string;
  timeZone: string;
}) {
  const { t, date } = useI18n();
  // A zone Intl does not know (an old or mistyped one) falls back to the device's clock, named.
  const zone = isTimeZone(timeZone) ? timeZone : deviceTimeZone();
  const here = deviceTimeZone();
  const at = (iso: string, tz: string) => date(iso, 'dateTime', tz);
  const differs = at(startsAt, zone) !== at(startsAt, here);
  return (
    <span className="event-time">
      <span className="event-time__event">
        <time dateTime={startsAt}>{at(startsAt, zone)}</time>
        {endsAt && (
          <>
            {' – '}
            <time dateTime={endsAt}>{at(endsAt, zone)}</time>
          </>
        )}{' '}
        <span className="event-time__zone">
          {t('event.time.zone', { zone, offset: formatOffset(startsAt, zone) })}
        </span>
      </span>
      {differs && (
        <span className="event-time__yours">
          {endsAt
            ? t('event.time.yoursRange', {
                start: at(startsAt, here),
                end: at(endsAt, here),
                zone: here,
              })
            : t('event.time.yours', { start: at(startsAt, here), zone: here })}
        </span>
      )}
    </span>
  );
}
