import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { EmptyState, QueryBoundary } from '../../ui';
import { RISK_ASSESSMENTS } from './documents';
import { AssessmentList } from './RiskAssessmentsPage';

/** The risk assessments of a space on its page, and for members a link to record one. */
export function SpaceRisks({
  spaceId,
  organisationId,
  canCreate,
}: {
  spaceId: string;
  organisationId: string;
  canCreate: boolean;
}) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(RISK_ASSESSMENTS, {
    variables: { filter: { organisationId }, first: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const assessments = (data?.riskAssessments.edges ?? [])
    .map((edge) => edge.node)
    .filter((assessment) => assessment.space?.id === spaceId);
  return (
    <section className="card" aria-labelledby="space-risks">
      <div className="card__header">
        <h2 id="space-risks" className="card__title">
          {t('risk.space.title')}
        </h2>
        {canCreate && (
          <Link className="button button--secondary" to={`/risks?new=1&space=${spaceId}`}>
            {t('risk.create.open')}
          </Link>
        )}
      </div>
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : assessments.length ? (
        <AssessmentList assessments={assessments} />
      ) : (
        <EmptyState title={t('risk.list.emptyTitle')}>
          <p>{t('risk.space.emptyBody')}</p>
        </EmptyState>
      )}
    </section>
  );
}
