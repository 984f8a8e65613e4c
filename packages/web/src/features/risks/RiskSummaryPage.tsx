import { useQuery } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { RiskSector } from '../../gql/graphql';
import { Button, Form, Page, QueryBoundary, SelectField, TextField } from '../../ui';
import { SECTORS } from './AssessmentForm';
import { GroupBars, LevelBars } from './charts';
import { RISK_SUMMARY } from './documents';
import { filterParams } from './filters';
import { Heatmap, LevelLegend } from './Heatmap';

/** `/risks/summary`: counts over every assessment the viewer may read, by network if chosen. */
export function RiskSummaryPage() {
  const { t, plural } = useI18n();
  const [params, setParams] = useSearchParams();
  const networkId = params.get('network') ?? '';
  const sector = (params.get('sector') ?? '') as RiskSector | '';
  const region = params.get('region') ?? '';
  const { data, loading, error, refetch } = useQuery(RISK_SUMMARY, {
    variables: {
      filter: {
        ...(networkId ? { networkId } : {}),
        ...(sector ? { sector } : {}),
        ...(region ? { region } : {}),
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const networks = new Map<string, string>();
  for (const edge of data?.viewer?.memberships?.edges ?? []) {
    for (const network of edge.node.organisation.networks) networks.set(network.id, network.name);
  }
  const summary = data?.riskSummary;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(filterParams(event.currentTarget, ['network', 'sector', 'region']));
  }

  return (
    <Page
      title={t('risk.summary.title')}
      intro={
        <>
          {t('risk.summary.intro')} <Link to="/risks">{t('risk.list.title')}</Link>
        </>
      }
    >
      <section className="card no-print" aria-labelledby="summary-filters">
        <h2 id="summary-filters" className="card__title">
          {t('risk.list.filters')}
        </h2>
        <Form
          className="filters"
          role="search"
          aria-labelledby="summary-filters"
          onSubmit={apply}
          key={params.toString() + networks.size}
        >
          <SelectField
            label={t('risk.summary.network')}
            name="network"
            defaultValue={networkId}
            options={[
              { value: '', label: t('risk.summary.allReadable') },
              ...[...networks].map(([value, label]) => ({ value, label })),
            ]}
          />
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
          <div className="filters__actions">
            <Button type="submit" variant="secondary">
              {t('risk.list.apply')}
            </Button>
          </div>
        </Form>
      </section>
      {(loading || error) && !summary ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : summary ? (
        <>
          <section className="card" aria-labelledby="summary-totals">
            <h2 id="summary-totals" className="card__title">
              {t('risk.summary.totals')}
            </h2>
            <p className="totals">
              <span className="totals__item">
                {plural('risk.summary.assessments', summary.assessments)}
              </span>
              <span className="totals__item">{plural('risk.summary.risks', summary.risks)}</span>
            </p>
            <LevelBars counts={summary.byLevel} caption={t('risk.summary.byLevel')} />
          </section>
          <div className="grid-2 risk-overview">
            <section className="card" aria-labelledby="summary-sector">
              <h2 id="summary-sector" className="card__title">
                {t('risk.summary.bySector')}
              </h2>
              <GroupBars
                groups={summary.bySector}
                caption={t('risk.summary.bySectorCaption')}
                labelOf={(key) =>
                  (SECTORS as readonly string[]).includes(key)
                    ? t(`risk.sector.${key as RiskSector}`)
                    : key
                }
              />
            </section>
            <section className="card" aria-labelledby="summary-region">
              <h2 id="summary-region" className="card__title">
                {t('risk.summary.byRegion')}
              </h2>
              <GroupBars
                groups={summary.byRegion}
                caption={t('risk.summary.byRegionCaption')}
                labelOf={(key) => (key === '—' ? t('risk.summary.noRegion') : key)}
              />
            </section>
          </div>
          <section className="card" aria-labelledby="summary-heatmap">
            <h2 id="summary-heatmap" className="card__title">
              {t('risk.heatmap.title')}
            </h2>
            <Heatmap cells={summary.heatmap} caption={t('risk.summary.heatmapCaption')} />
            <LevelLegend />
          </section>
        </>
      ) : null}
    </Page>
  );
}
