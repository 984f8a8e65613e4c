import { useQuery, useSubscription } from '@apollo/client/react';
import { useState, type ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { serverProblems } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { MemberRole, ReportStatus, ReportSummaryFieldsFragment } from '../../gql/graphql';
import { Alert, Button, EmptyState, Page, QueryBoundary, SelectField } from '../../ui';
import { useDay } from './Conversation';
import { NotAHandler } from './NotAHandler';
import { categoryLabel, categoryOptions } from './categories';
import {
  REPORT_ACTIVITY,
  REPORT_HANDLERS,
  REPORTING_PAGE,
  REPORTS,
  REPORTS_ORGANISATION,
} from './documents';

export const STATUSES: readonly ReportStatus[] = [
  'RECEIVED',
  'TRIAGED',
  'INVESTIGATING',
  'RESOLVED',
  'DISMISSED',
];
const PAGE = 25;

/** The organisation behind `/o/:slug/...`, or the page that says why it cannot be shown. */
export function useReportsOrganisation() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(REPORTS_ORGANISATION, {
    variables: { slug },
  });
  const organisation = data?.organisation;
  const fallback: ReactElement | null = organisation ? null : (
    <QueryBoundary
      loading={loading}
      error={error}
      retry={refetch}
      notFound={{
        title: t('organisation.notFound.title'),
        body: t('organisation.notFound.body'),
        link: { to: '/', label: t('notFound.home') },
      }}
    />
  );
  return { organisation, fallback };
}

/**
 * The two deadlines of the EU Whistleblower Directive: acknowledge within 7 days, give feedback
 * within 3 months. Each says when it was met, or by when it must be, or that it is overdue.
 */
export function Deadlines({ report }: { report: ReportSummaryFieldsFragment }) {
  const { t } = useI18n();
  const day = useDay();
  const closed = report.status === 'RESOLVED' || report.status === 'DISMISSED';
  return (
    <span className="deadlines">
      {report.acknowledgedOn ? (
        <span className="badge badge--done">
          {t('reports.acknowledgedOn', { date: day(report.acknowledgedOn) })}
        </span>
      ) : report.acknowledgementOverdue ? (
        <span className="badge badge--danger">
          {t('reports.acknowledgeOverdue', { date: day(report.acknowledgeBy) })}
        </span>
      ) : (
        <span className="badge badge--warning">
          {t('reports.acknowledgeBy', { date: day(report.acknowledgeBy) })}
        </span>
      )}
      {report.feedbackOverdue ? (
        <span className="badge badge--danger">
          {t('reports.feedbackOverdue', { date: day(report.feedbackBy) })}
        </span>
      ) : report.lastFeedbackOn ? (
        <span className="badge badge--done">
          {t('reports.feedbackOn', { date: day(report.lastFeedbackOn) })}
        </span>
      ) : (
        !closed && (
          <span className="badge badge--neutral">
            {t('reports.feedbackBy', { date: day(report.feedbackBy) })}
          </span>
        )
      )}
    </span>
  );
}

/** `/o/:slug/reports`: the case handlers' inbox, with filters, deadlines and live updates. */
export function InboxPage() {
  const { organisation, fallback } = useReportsOrganisation();
  if (!organisation) return fallback;
  return <Inbox organisation={organisation} />;
}

/**
 * Who reads the organisation's reports, and every change to that: a new reader of every
 * report cannot be added without the other handlers seeing it here.
 */
function Handlers({ organisationId }: { organisationId: string }) {
  const { t } = useI18n();
  const day = useDay();
  const { data } = useQuery(REPORT_HANDLERS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const view = data?.reportHandlers;
  if (!view) return null;
  const by = (name: string | null | undefined) => name ?? t('reports.handlers.someone');
  return (
    <section className="card report-handlers" aria-labelledby="report-handlers-title">
      <h2 id="report-handlers-title" className="card__title">
        {t('reports.handlers.title')}
      </h2>
      <p>{t('reports.handlers.list', { names: view.handlers.join(', ') })}</p>
      {view.changes.length > 0 && (
        <ul className="list report-handlers__changes">
          {view.changes.map((change, index) => (
            <li key={index} className="list__item">
              {change.added.length > 0 &&
                t('reports.handlers.added', {
                  date: day(change.changedOn),
                  by: by(change.changedBy),
                  names: change.added.join(', '),
                })}{' '}
              {change.removed.length > 0 &&
                t('reports.handlers.removed', {
                  date: day(change.changedOn),
                  by: by(change.changedBy),
                  names: change.removed.join(', '),
                })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Inbox({
  organisation,
}: {
  organisation: { id: string; name: string; slug: string; viewerRole?: MemberRole | null };
}) {
  const { t, plural } = useI18n();
  const day = useDay();
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const [category, setCategory] = useState('');
  const [news, setNews] = useState<string | null>(null);
  const filter = { ...(status ? { status } : {}), ...(category ? { category } : {}) };
  const { data, loading, error, refetch, fetchMore } = useQuery(REPORTS, {
    variables: { organisationId: organisation.id, filter, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  // The categories offered on the public page (reports keep theirs if the list changes later).
  const { data: page } = useQuery(REPORTING_PAGE, { variables: { slug: organisation.slug } });
  const categories = categoryOptions(
    page?.reportingPage.categories ?? [],
    page?.reportingPage.offerOther ?? false,
    t('report.category.other'),
  );
  useSubscription(REPORT_ACTIVITY, {
    variables: { organisationId: organisation.id },
    onData: ({ data: live }) => {
      const kind = live.data?.reportActivity.kind;
      if (!kind) return;
      setNews(t(kind === 'NEW_REPORT' ? 'reports.live.newReport' : 'reports.live.newMessage'));
      void refetch();
    },
  });
  const title = t('reports.title', { name: organisation.name });
  const forbidden = serverProblems(error).some((p) => p.code === 'FORBIDDEN');
  if (forbidden) {
    return (
      <Page title={title}>
        <NotAHandler organisation={organisation} />
      </Page>
    );
  }
  const reports = data?.reports.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={title} intro={t('reports.intro')}>
      <nav className="page-links" aria-label={t('organisation.tools')}>
        <Link to={`/o/${organisation.slug}`}>{t('reports.backToOrganisation')}</Link>
        <Link to={`/report/${organisation.slug}`}>{t('reports.publicPage')}</Link>
      </nav>
      {news && (
        <Alert
          tone="info"
          action={
            <Button variant="quiet" onClick={() => setNews(null)}>
              {t('reports.dismiss')}
            </Button>
          }
        >
          {news}
        </Alert>
      )}
      <div className="filters" role="group" aria-label={t('reports.filters')}>
        <SelectField
          label={t('reports.filter.status')}
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value as ReportStatus | '')}
          options={[
            { value: '', label: t('reports.filter.anyStatus') },
            ...STATUSES.map((value) => ({ value, label: t(`report.status.${value}`) })),
          ]}
        />
        {categories.length > 0 && (
          <SelectField
            label={t('reports.filter.category')}
            name="category"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            options={[{ value: '', label: t('reports.filter.anyCategory') }, ...categories]}
          />
        )}
      </div>
      <Handlers organisationId={organisation.id} />
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : reports.length === 0 ? (
        <EmptyState title={t('reports.emptyTitle')}>
          <p>{t('reports.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="list reports">
          {reports.map((report) => (
            <li key={report.id} className="list__item report-item">
              <div className="report-item__main">
                <Link to={`/o/${organisation.slug}/reports/${report.id}`} className="list__title">
                  {report.title}
                </Link>
                <span className={`badge report-status--${report.status}`}>
                  {t(`report.status.${report.status}`)}
                </span>
              </div>
              <p className="list__meta">
                {categoryLabel(report.category, t('report.category.other'))} ·{' '}
                {t('reports.submitted', { date: day(report.submittedOn) })} ·{' '}
                {plural('reports.messages', report.messageCount)}
              </p>
              <Deadlines report={report} />
            </li>
          ))}
        </ul>
      )}
      {data?.reports.pageInfo.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: data.reports.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                reports: {
                  ...fetchMoreResult.reports,
                  edges: [...(previous.reports?.edges ?? []), ...fetchMoreResult.reports.edges],
                },
              }),
            })
          }
        >
          {t('reports.loadMore')}
        </Button>
      )}
    </Page>
  );
}
