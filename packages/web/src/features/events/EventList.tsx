import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { EventFieldsFragment } from '../../gql/graphql';
import { EventTime } from './EventTime';

/** Events as a list: title, when, where and status. */
export function EventList({ events }: { events: readonly EventFieldsFragment[] }) {
  const { t } = useI18n();
  return (
    <ul className="list">
      {events.map((event) => (
        <li key={event.id} className="list__item">
          <p className="list__title">
            <Link to={`/events/${event.id}`}>{event.title}</Link>
            <span className={event.status === 'PUBLISHED' ? 'badge' : 'badge badge--neutral'}>
              {t(`event.status.${event.status}`)}
            </span>
          </p>
          <p className="list__meta">
            <EventTime startsAt={event.startsAt} timeZone={event.timezone} />
            {event.location && ` · ${event.location}`}
            {event.space && ` · ${event.space.name}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
