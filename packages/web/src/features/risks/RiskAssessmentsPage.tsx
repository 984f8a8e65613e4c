import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { AssessmentFieldsFragment, AssessmentStatus, RiskSector } from '../../gql/graphql';
import { Button, EmptyState, Form, Page, QueryBoundary, SelectField, TextField } from '../../ui';
import { AssessmentForm, SECTORS, STATUSES } from './AssessmentForm';
import { filterParams } from './filters';
import { RISK_ASSESSMENTS } from './documents';

const PAGE = 50;

/** Title, body assessed, where and when, and status of each assessment. */
export function AssessmentList({
  assessments,
}: {
  assessments: readonly AssessmentFieldsFragment[];
}) {
  const { t } = useI18n();
  return (
    <ul className="list">
      {assessments.map((assessment) => (
        <li key={assessment.id} className="list__item">
          <p className="list__title">
            <Link to={`/risks/${assessment.id}`}>{assessment.title}</Link>
            <span className={assessment.status === 'ACTIVE' ? 'badge' : 'badge badge--neutral'}>
              {t(`risk.status.${assessment.status}`)}
            </span>
            {assessment.publishedAt && (
              <span className="badge badge--new">{t('risk.published')}</span>
            )}
          </p>
          <p className="list__meta">
            {[
              assessment.subject,
              t(`risk.sector.${assessment.sector}`),
              assessment.region,
              assessment.period,
              assessment.space?.organisation.name,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** `/risks`: the assessments the viewer may read, with filters, and a form to record one. */
export function RiskAssessmentsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('new') === '1');
  const sector = (params.get('sector') ?? '') as RiskSector | '';
  const status = (params.get('status') ?? '') as AssessmentStatus | '';
  const region = params.get('region') ?? '';
  const filter = {
    ...(sector ? { sector } : {}),
    ...(status ? { status } : {}),
    ...(region ? { region } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(RISK_ASSESSMENTS, {
    variables: { filter, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const assessments = data?.riskAssessments.edges.map((edge) => edge.node) ?? [];
  const filtered = Boolean(sector || status || region);

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(filterParams(event.currentTarget, ['sector', 'status', 'region']));
  }

  return (
    <Page
      title={t('risk.list.title')}
      intro={
        <>
          {t('risk.list.intro')} <Link to="/risks/summary">{t('risk.list.summaryLink')}</Link>
        </>
      }
    >
      <section className="card" aria-labelledby="risk-new">
        <div className="card__header">
          <h2 id="risk-new" className="card__title">
            {t('risk.create.title')}
          </h2>
          {!creating && (
            <Button variant="secondary" onClick={() => setCreating(true)}>
              {t('risk.create.open')}
            </Button>
          )}
        </div>
        {creating ? (
          <AssessmentForm
            spaceId={params.get('space') ?? undefined}
            onDone={(assessment) => {
              setCreating(false);
              if (assessment) void navigate(`/risks/${assessment.id}`);
            }}
          />
        ) : (
          <p className="muted">{t('risk.create.intro')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="risk-list">
        <h2 id="risk-list" className="card__title">
          {t('risk.list.heading')}
        </h2>
        <Form
          className="filters"
          role="search"
          aria-label={t('risk.list.filters')}
          onSubmit={applyFilters}
          key={params.toString()}
        >
          <SelectField
            label={t('risk.field.sector')}
            name="sector"
            defaultValue={sector}
            options={[
              { value: '', label: t('risk.list.anySector') },
              ...SECTORS.map((value) => ({ value, label: t(`risk.sector.${value}`) })),
            ]}
          />
          <TextField label={t('risk.field.region')} name="region" defaultValue={region} />
          <SelectField
            label={t('risk.field.status')}
            name="status"
            defaultValue={status}
            options={[
              { value: '', label: t('risk.list.anyStatus') },
              ...STATUSES.map((value) => ({ value, label: t(`risk.status.${value}`) })),
            ]}
          />
          <div className="filters__actions">
            <Button type="submit" variant="secondary">
              {t('risk.list.apply')}
            </Button>
            {filtered && (
              <Button variant="quiet" onClick={() => setParams(new URLSearchParams())}>
                {t('risk.list.clear')}
              </Button>
            )}
          </div>
        </Form>
        {(loading || error) && !data ? (
          <QueryBoundary inline loading={loading} error={error} retry={refetch} />
        ) : assessments.length ? (
          <>
            <AssessmentList assessments={assessments} />
            {data?.riskAssessments.pageInfo.hasNextPage && (
              <Button
                variant="secondary"
                onClick={() =>
                  void fetchMore({
                    variables: { after: data.riskAssessments.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      riskAssessments: {
                        ...fetchMoreResult.riskAssessments,
                        edges: [
                          ...previous.riskAssessments.edges,
                          ...fetchMoreResult.riskAssessments.edges,
                        ],
                      },
                    }),
                  })
                }
              >
                {t('risk.list.more')}
              </Button>
            )}
          </>
        ) : (
          <EmptyState title={t(filtered ? 'risk.list.noMatchTitle' : 'risk.list.emptyTitle')}>
            <p>{t(filtered ? 'risk.list.noMatchBody' : 'risk.list.emptyBody')}</p>
          </EmptyState>
        )}
      </section>
    </Page>
  );
}
