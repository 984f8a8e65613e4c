import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Button, EmptyState, QueryBoundary } from '../../ui';
import { EVENTS } from './documents';
import { EventForm } from './EventForm';
import { EventList } from './EventList';

/** The events of a space on its page, and for organisers a form to plan one. */
export function SpaceEvents({
  spaceId,
  organisationId,
  canCreate,
}: {
  spaceId: string;
  organisationId: string;
  canCreate: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(EVENTS, {
    variables: { filter: { organisationId } },
    fetchPolicy: 'cache-and-network',
  });
  const events = (data?.events ?? []).filter((event) => event.space?.id === spaceId);
  return (
    <section className="card" aria-labelledby="space-events">
      <div className="card__header">
        <h2 id="space-events" className="card__title">
          {t('event.list.title')}
        </h2>
        {canCreate && !creating && (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            {t('event.create')}
          </Button>
        )}
      </div>
      {creating && (
        <EventForm
          spaceId={spaceId}
          onDone={(event) => {
            setCreating(false);
            if (event) void navigate(`/events/${event.id}`);
          }}
        />
      )}
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : events.length ? (
        <EventList events={events} />
      ) : (
        <EmptyState title={t('event.list.emptyTitle')}>
          <p>{t('event.list.emptyBody')}</p>
        </EmptyState>
      )}
    </section>
  );
}
