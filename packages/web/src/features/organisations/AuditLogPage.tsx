import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button, EmptyState, Page, QueryBoundary, QueryProblem } from '../../ui';
import { describeAuditData } from './audit-details';
import { ORGANISATION } from './OrganisationPage';

const PAGE = 25;

const AUDIT_EVENTS = graphql(`
  query AuditEvents($organisationId: ID!, $first: Int!, $after: String) {
    auditEvents(organisationId: $organisationId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          createdAt
          targetType
          targetId
          data
          target {
            key
            kind
            id
            name
          }
          references {
            key
            kind
            id
            name
          }
          actor {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** `/o/:slug/audit`: who changed what in the organisation, newest first (owners and admins). */
export function AuditLogPage() {
  const { slug = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const organisationResult = useQuery(ORGANISATION, { variables: { slug } });
  const organisation = organisationResult.data?.organisation;

  if (!organisation) {
    return (
      <QueryBoundary
        loading={organisationResult.loading}
        error={organisationResult.error}
        retry={organisationResult.refetch}
        notFound={{
          title: t('organisation.notFound.title'),
          body: t('organisation.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }

  return (
    <Page
      title={t('audit.title')}
      intro={
        <>
          {t('audit.intro')} <Link to={`/o/${organisation.slug}`}>{organisation.name}</Link>
        </>
      }
    >
      {organisation.viewerCan.readAuditLog ? (
        <AuditEvents organisationId={organisation.id} />
      ) : (
        <Alert tone="info">{t('audit.notAllowed')}</Alert>
      )}
    </Page>
  );
}

function AuditEvents({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t, date, has } = i18n;
  const { data, loading, error, refetch, fetchMore } = useQuery(AUDIT_EVENTS, {
    variables: { organisationId, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  async function loadMore() {
    const after = data?.auditEvents.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          auditEvents: {
            ...fetchMoreResult.auditEvents,
            edges: [...(previous.auditEvents?.edges ?? []), ...fetchMoreResult.auditEvents.edges],
          },
        }),
      });
    } catch (problem) {
      setMoreError(problem);
    } finally {
      setLoadingMore(false);
    }
  }

  if ((loading || error) && !data)
    return <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  const events = data?.auditEvents.edges.map((edge) => edge.node) ?? [];
  if (!events.length) {
    return (
      <section className="card">
        <EmptyState title={t('audit.emptyTitle')} level={2}>
          <p>{t('audit.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="audit-events">
      <h2 id="audit-events" className="card__title">
        {t('audit.events')}
      </h2>
      <ol className="audit">
        {events.map((event) => {
          const actionKey = `audit.action.${event.action}`;
          const details = describeAuditData(i18n, event.data, event.references);
          const what = has(actionKey) ? t(actionKey) : event.action;
          // The thing changed, by name (never its id): "Space created: «Monitoring»".
          const target = event.target?.name
            ? t('audit.targetNamed', { what, name: event.target.name })
            : what;
          return (
            <li key={event.id} className="audit__event">
              <p className="audit__what">{target}</p>
              <p className="list__meta">
                <time dateTime={event.createdAt}>{date(event.createdAt, 'dateTime')}</time> ·{' '}
                {event.actor ? event.actor.displayName : t('audit.noActor')}
              </p>
              {details && <p className="audit__data">{details}</p>}
            </li>
          );
        })}
      </ol>
      {moreError !== null && <QueryProblem error={moreError} retry={loadMore} />}
      {data?.auditEvents.pageInfo.hasNextPage && (
        <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('common.loading') : t('audit.loadMore')}
        </Button>
      )}
    </section>
  );
}
