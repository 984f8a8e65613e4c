import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { EventQuery } from '../../gql/graphql';
import { Alert, Button, Page, QueryBoundary } from '../../ui';
import {
  CANCEL_EVENT,
  CANCEL_REGISTRATION,
  EVENT,
  PUBLISH_EVENT,
  REGISTER,
  REGISTRATIONS_CSV,
} from './documents';
import { EventForm } from './EventForm';
import { EventTime } from './EventTime';

type EventData = NonNullable<EventQuery['event']>;

/** `/events/:id`: what, when and where; registration; for organisers the event's controls. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(EVENT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState(false);
  const event = data?.event;
  if (!event) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('event.notFound.title'),
          body: t('event.notFound.body'),
          link: { to: '/events', label: t('event.list.pageTitle') },
        }}
      />
    );
  }
  return (
    <Page
      title={event.title}
      intro={
        <>
          <EventTime startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timezone} />
          <span className={event.status === 'PUBLISHED' ? 'badge' : 'badge badge--neutral'}>
            {t(`event.status.${event.status}`)}
          </span>
        </>
      }
    >
      {event.status === 'CANCELLED' && <Alert tone="info">{t('event.cancelledNote')}</Alert>}
      <div className="columns">
        <div className="columns__side">
          {event.code && event.status === 'PUBLISHED' && (
            <section className="card join-code" aria-labelledby="event-code">
              <h2 id="event-code" className="card__title">
                {t('event.code.title')}
              </h2>
              <p className="join-code__value" lang="en">
                {event.code}
              </p>
              <p className="muted">
                {t('event.code.hint', { address: `${window.location.host}/e/${event.code}` })}
              </p>
              <p>
                <Link to={`/e/${event.code}`}>{t('event.code.open')}</Link>
              </p>
            </section>
          )}
          <Registration event={event} />
        </div>
        <div className="columns__main">
          <section className="card" aria-labelledby="event-about">
            <h2 id="event-about" className="card__title">
              {t('event.about')}
            </h2>
            {editing ? (
              <EventForm event={event} onDone={() => setEditing(false)} />
            ) : (
              <>
                {event.description ? (
                  <div
                    className="prose"
                    dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
                  />
                ) : (
                  <p className="muted">{t('space.noDescription')}</p>
                )}
                <dl className="facts">
                  {event.location && (
                    <div>
                      <dt>{t('event.field.location')}</dt>
                      <dd>{event.location}</dd>
                    </div>
                  )}
                  {event.onlineUrl && (
                    <div>
                      <dt>{t('event.field.onlineUrl')}</dt>
                      <dd>
                        <a href={event.onlineUrl} rel="noopener noreferrer">
                          {event.onlineUrl}
                        </a>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('event.field.timezone')}</dt>
                    <dd>{event.timezone}</dd>
                  </div>
                  <div>
                    <dt>{t('event.field.capacity')}</dt>
                    <dd>{event.capacity ?? t('event.unlimited')}</dd>
                  </div>
                  <div>
                    <dt>{t('event.field.questionModeration')}</dt>
                    <dd>{t(`event.moderation.${event.questionModeration}`)}</dd>
                  </div>
                  {event.space && (
                    <div>
                      <dt>{t('event.space')}</dt>
                      <dd>
                        <Link to={`/s/${event.space.id}`}>{event.space.name}</Link>
                      </dd>
                    </div>
                  )}
                </dl>
              </>
            )}
          </section>
          {(event.viewerCan.edit || event.viewerCan.moderate) && (
            <OrganiserTools event={event} onEdit={() => setEditing(true)} />
          )}
        </div>
      </div>
    </Page>
  );
}

function Registration({ event }: { event: EventData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [register, registering] = useMutation(REGISTER, {
    refetchQueries: [EVENT],
  });
  const [cancel, cancelling] = useMutation(CANCEL_REGISTRATION, { refetchQueries: [EVENT] });
  const [problem, setProblem] = useState<string | null>(null);
  const status = event.viewerRegistration?.status;
  const active = status === 'REGISTERED' || status === 'WAITLISTED';
  if (!event.viewerCan.register && !active) return null;

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    }
  }

  return (
    <section className="card" aria-labelledby="event-registration">
      <h2 id="event-registration" className="card__title">
        {t('event.registration.title')}
      </h2>
      <p role="status">
        {status === 'REGISTERED'
          ? t('event.registration.registered')
          : status === 'WAITLISTED'
            ? t('event.registration.waitlisted')
            : t('event.registration.none')}
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}
      {active ? (
        <Button
          variant="secondary"
          busy={cancelling.loading}
          onClick={() => void run(() => cancel({ variables: { input: { eventId: event.id } } }))}
        >
          {t('event.registration.cancel')}
        </Button>
      ) : (
        <Button
          busy={registering.loading}
          onClick={() => void run(() => register({ variables: { input: { eventId: event.id } } }))}
        >
          {t('event.registration.register')}
        </Button>
      )}
    </section>
  );
}

function OrganiserTools({ event, onEdit }: { event: EventData; onEdit(): void }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const client = useApolloClient();
  const [publish, publishing] = useMutation(PUBLISH_EVENT);
  const [cancel, cancelling] = useMutation(CANCEL_EVENT);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    }
  }

  async function downloadCsv() {
    const { data } = await client.query({
      query: REGISTRATIONS_CSV,
      variables: { eventId: event.id },
      fetchPolicy: 'network-only',
    });
    if (!data) return;
    const url = URL.createObjectURL(
      new Blob([data.eventRegistrationsCsv], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `registrations-${event.code ?? event.id}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const registered = event.registrations?.filter((r) => r.status === 'REGISTERED').length ?? 0;
  const waitlisted = event.registrations?.filter((r) => r.status === 'WAITLISTED').length ?? 0;
  return (
    <section className="card" aria-labelledby="event-organise">
      <h2 id="event-organise" className="card__title">
        {t('event.organise.title')}
      </h2>
      {event.registrations && (
        <p>
          {plural('event.organise.registered', registered)} ·{' '}
          {plural('event.organise.waitlisted', waitlisted)}
        </p>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      <div className="toolbar">
        {event.viewerCan.edit && event.status !== 'CANCELLED' && (
          <Button variant="secondary" onClick={onEdit}>
            {t('event.edit')}
          </Button>
        )}
        {event.viewerCan.edit && event.status === 'DRAFT' && (
          <Button
            busy={publishing.loading}
            onClick={() => void run(() => publish({ variables: { input: { eventId: event.id } } }))}
          >
            {t('event.publish')}
          </Button>
        )}
        {event.status === 'PUBLISHED' && event.viewerCan.moderate && (
          <>
            <Link className="button button--secondary" to={`/events/${event.id}/moderate`}>
              {t('event.moderateLink')}
            </Link>
            <Link className="button button--secondary" to={`/events/${event.id}/present`}>
              {t('event.presentLink')}
            </Link>
          </>
        )}
        {event.registrations && (
          <Button variant="secondary" onClick={() => void run(downloadCsv)}>
            {t('event.csv')}
          </Button>
        )}
        {event.viewerCan.edit &&
          event.status !== 'CANCELLED' &&
          (confirmCancel ? (
            <>
              <Button
                variant="danger"
                busy={cancelling.loading}
                onClick={() =>
                  void run(async () => {
                    await cancel({ variables: { input: { eventId: event.id } } });
                    setConfirmCancel(false);
                  })
                }
              >
                {t('event.cancelYes')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirmCancel(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="quiet" onClick={() => setConfirmCancel(true)}>
              {t('event.cancel')}
            </Button>
          ))}
      </div>
    </section>
  );
}
