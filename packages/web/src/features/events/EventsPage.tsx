import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/I18nProvider';
import { EmptyState, Page, QueryBoundary } from '../../ui';
import { EVENTS } from './documents';
import { EventList } from './EventList';

/** `/events`: upcoming events the viewer may see, soonest first. */
export function EventsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(EVENTS, {
    variables: { filter: { upcoming: true } },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Page title={t('event.list.pageTitle')} intro={t('event.list.intro')}>
      <section className="card" aria-labelledby="events-upcoming">
        <h2 id="events-upcoming" className="card__title">
          {t('event.list.upcoming')}
        </h2>
        {(loading || error) && !data ? (
          <QueryBoundary inline loading={loading} error={error} retry={refetch} />
        ) : data?.events.length ? (
          <EventList events={data.events} />
        ) : (
          <EmptyState title={t('event.list.emptyTitle')}>
            <p>{t('event.list.emptyUpcoming')}</p>
          </EmptyState>
        )}
      </section>
    </Page>
  );
}
