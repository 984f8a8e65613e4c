import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { Button, Page, QueryBoundary } from '../../ui';
import { PUBLIC_RISK_ASSESSMENT } from './documents';
import { Heatmap, LevelBadge, LevelLegend } from './Heatmap';
import { percent } from './scoring';

/**
 * `/public/risks/:id`: the published summary, open to anyone. It holds only what the server's
 * public summary holds: titles, levels, heatmaps and progress; never descriptions, evidence or
 * the people responsible.
 */
export function PublicRiskPage() {
  const { id = '' } = useParams();
  const { t, plural, date } = useI18n();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(PUBLIC_RISK_ASSESSMENT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const summary = data?.publicRiskAssessment;
  if (!summary) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('risk.public.notFoundTitle'),
          body: t('risk.public.notFoundBody'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }
  const progress = summary.mitigationProgress;
  return (
    <Page
      title={summary.title}
      intro={
        <>
          {summary.subject}
          <span className="badge badge--new">{t('risk.public.badge')}</span>
        </>
      }
    >
      <div className="toolbar page-actions no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('risk.actions.print')}
        </Button>
        {viewer && <Link to={`/risks/${summary.id}`}>{t('risk.public.fullLink')}</Link>}
      </div>
      <section className="card" aria-labelledby="public-about">
        <h2 id="public-about" className="card__title">
          {t('risk.about')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('risk.field.sector')}</dt>
            <dd>{t(`risk.sector.${summary.sector}`)}</dd>
          </div>
          <div>
            <dt>{t('risk.field.region')}</dt>
            <dd>{summary.region || '—'}</dd>
          </div>
          <div>
            <dt>{t('risk.field.period')}</dt>
            <dd>{summary.period || '—'}</dd>
          </div>
          <div>
            <dt>{t('risk.publishedOn')}</dt>
            <dd>{date(summary.publishedAt)}</dd>
          </div>
        </dl>
        <p className="muted">{t('risk.public.note')}</p>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="public-inherent">
          <h2 id="public-inherent" className="card__title">
            {t('risk.heatmap.INHERENT')}
          </h2>
          <Heatmap cells={summary.heatmap} caption={t('risk.heatmap.caption.INHERENT')} />
        </section>
        <section className="card" aria-labelledby="public-residual">
          <h2 id="public-residual" className="card__title">
            {t('risk.heatmap.RESIDUAL')}
          </h2>
          <Heatmap cells={summary.residualHeatmap} caption={t('risk.heatmap.caption.RESIDUAL')} />
        </section>
      </div>
      <div className="risk-legend">
        <LevelLegend />
      </div>
      <section className="card" aria-labelledby="public-risks">
        <h2 id="public-risks" className="card__title">
          {t('risk.table.title')}
        </h2>
        {summary.risks.length ? (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('risk.table.risk')}</th>
                  <th scope="col">{t('risk.table.inherent')}</th>
                  <th scope="col">{t('risk.table.residual')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.risks.map((risk, index) => (
                  <tr key={index}>
                    <th scope="row">{risk.title}</th>
                    <td>
                      <LevelBadge level={risk.level} />
                    </td>
                    <td>
                      <LevelBadge level={risk.residualLevel} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('risk.table.emptyBody')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="public-progress">
        <h2 id="public-progress" className="card__title">
          {t('risk.public.progress')}
        </h2>
        {progress.total ? (
          <>
            <p>
              {t('risk.public.progressLine', {
                done: progress.done,
                total: progress.total,
                percent: percent(progress.done, progress.total),
              })}
            </p>
            <span className="chart__track" aria-hidden="true">
              <span
                className="chart__bar"
                style={{ width: `${percent(progress.done, progress.total)}%` }}
              />
            </span>
            {progress.overdue > 0 && (
              <p className="state state--overdue">
                {plural('risk.mitigations.overdueCount', progress.overdue)}
              </p>
            )}
          </>
        ) : (
          <p className="muted">{t('risk.mitigations.none')}</p>
        )}
      </section>
    </Page>
  );
}
