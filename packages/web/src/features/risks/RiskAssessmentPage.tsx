import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { RiskAssessmentQuery, RiskFieldsFragment } from '../../gql/graphql';
import { Alert, Button, EmptyState, Page, QueryBoundary } from '../../ui';
import { AssessmentForm } from './AssessmentForm';
import {
  ARCHIVE_ASSESSMENT,
  ASSESSMENT_CSV,
  PUBLISH_ASSESSMENT,
  RISK_ASSESSMENT,
  UNPUBLISH_ASSESSMENT,
} from './documents';
import { Heatmap, LevelBadge, LevelLegend } from './Heatmap';
import { Mitigations, ScoreHistory } from './Mitigations';
import { RiskEditor, ScoringRule } from './RiskEditor';
import { inCell, sortRisks, type HeatmapKind, type SortDirection, type SortKey } from './scoring';

type Assessment = NonNullable<RiskAssessmentQuery['riskAssessment']>;

/** `/risks/:id`: an assessment with its heatmap, its risks, their treatment and history. */
export function RiskAssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(RISK_ASSESSMENT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const assessment = data?.riskAssessment;
  if (!assessment) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('risk.notFound.title'),
          body: t('risk.notFound.body'),
          link: { to: '/risks', label: t('risk.list.title') },
        }}
      />
    );
  }
  return <AssessmentView assessment={assessment} />;
}

function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [addingRisk, setAddingRisk] = useState(false);
  const [kind, setKind] = useState<HeatmapKind>('INHERENT');
  const [cell, setCell] = useState<{ likelihood: number; impact: number } | null>(null);
  const selectedId = params.get('risk');
  const selected = assessment.risks.find((risk) => risk.id === selectedId) ?? null;
  const organisation = assessment.space?.organisation;

  function openRisk(riskId: string | null) {
    const next = new URLSearchParams(params);
    if (riskId) next.set('risk', riskId);
    else next.delete('risk');
    setParams(next, { replace: true });
  }

  return (
    <Page
      title={assessment.title}
      intro={
        <>
          {assessment.subject}
          {organisation && (
            <>
              {' · '}
              <Link to={`/o/${organisation.slug}`}>{organisation.name}</Link>
            </>
          )}
          <span className={assessment.status === 'ACTIVE' ? 'badge' : 'badge badge--neutral'}>
            {t(`risk.status.${assessment.status}`)}
          </span>
          {assessment.publishedAt && (
            <span className="badge badge--new">{t('risk.published')}</span>
          )}
        </>
      }
    >
      <AssessmentActions assessment={assessment} onEdit={() => setEditing(true)} />
      <div className="grid-2 risk-overview">
        <section className="card" aria-labelledby="risk-about">
          <h2 id="risk-about" className="card__title">
            {t('risk.about')}
          </h2>
          {editing ? (
            <AssessmentForm assessment={assessment} onDone={() => setEditing(false)} />
          ) : (
            <>
              <dl className="facts">
                <div>
                  <dt>{t('risk.field.sector')}</dt>
                  <dd>{t(`risk.sector.${assessment.sector}`)}</dd>
                </div>
                <div>
                  <dt>{t('risk.field.region')}</dt>
                  <dd>{assessment.region || '—'}</dd>
                </div>
                <div>
                  <dt>{t('risk.field.period')}</dt>
                  <dd>{assessment.period || '—'}</dd>
                </div>
                {assessment.space && (
                  <div>
                    <dt>{t('risk.field.space')}</dt>
                    <dd>
                      <Link to={`/s/${assessment.space.id}`}>{assessment.space.name}</Link>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('risk.updated')}</dt>
                  <dd>{date(assessment.updatedAt, 'dateTime')}</dd>
                </div>
                {assessment.publishedAt && (
                  <div>
                    <dt>{t('risk.publishedOn')}</dt>
                    <dd>
                      {date(assessment.publishedAt)} ·{' '}
                      <Link to={`/public/risks/${assessment.id}`}>{t('risk.publicLink')}</Link>
                    </dd>
                  </div>
                )}
              </dl>
              <h3 className="section__subtitle">{t('risk.field.methodology')}</h3>
              {assessment.methodology ? (
                <p className="prose">{assessment.methodology}</p>
              ) : (
                <p className="muted">{t('risk.noMethodology')}</p>
              )}
            </>
          )}
        </section>
        <section className="card" aria-labelledby="risk-heatmap">
          <h2 id="risk-heatmap" className="card__title">
            {t('risk.heatmap.title')}
          </h2>
          <div className="toggle no-print" role="group" aria-label={t('risk.heatmap.kind')}>
            {(['INHERENT', 'RESIDUAL'] as const).map((value) => (
              <button
                key={value}
                type="button"
                className="toggle__option"
                aria-pressed={kind === value}
                onClick={() => {
                  setKind(value);
                  setCell(null);
                }}
              >
                {t(`risk.heatmap.${value}`)}
              </button>
            ))}
          </div>
          <Heatmap
            cells={kind === 'INHERENT' ? assessment.inherent : assessment.residual}
            caption={t(`risk.heatmap.caption.${kind}`)}
            selected={cell}
            onSelect={setCell}
          />
          <p className="muted no-print">{t('risk.heatmap.hint')}</p>
          <LevelLegend />
        </section>
      </div>

      <section className="card" aria-labelledby="risk-table">
        <div className="card__header">
          <h2 id="risk-table" className="card__title">
            {t('risk.table.title')}
          </h2>
          {assessment.viewerCan.edit && !addingRisk && (
            <Button
              variant="secondary"
              className="no-print"
              onClick={() => {
                setAddingRisk(true);
                openRisk(null);
              }}
            >
              {t('risk.editor.addTitle')}
            </Button>
          )}
        </div>
        {addingRisk && (
          <RiskEditor
            assessmentId={assessment.id}
            onDone={(risk) => {
              setAddingRisk(false);
              if (risk) openRisk(risk.id);
            }}
          />
        )}
        <RiskTable
          risks={assessment.risks}
          kind={kind}
          cell={cell}
          onClearCell={() => setCell(null)}
          selectedId={selected?.id ?? null}
          onOpen={openRisk}
        />
      </section>

      {selected && (
        <RiskDetails
          key={selected.id}
          risk={selected}
          assessment={assessment}
          onClose={() => openRisk(null)}
        />
      )}
    </Page>
  );
}

/** Edit, publish or withdraw, archive, export, print: what the viewer's role allows. */
function AssessmentActions({ assessment, onEdit }: { assessment: Assessment; onEdit(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useApolloClient();
  const [publish] = useMutation(PUBLISH_ASSESSMENT);
  const [unpublish] = useMutation(UNPUBLISH_ASSESSMENT);
  const [archive] = useMutation(ARCHIVE_ASSESSMENT);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const isMember = assessment.viewerCan.edit || assessment.viewerCan.manage;

  async function run(action: () => Promise<unknown>, message?: string) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
      if (message) setDone(message);
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    } finally {
      setBusy(false);
    }
  }

  async function downloadCsv() {
    const { data } = await client.query({
      query: ASSESSMENT_CSV,
      variables: { id: assessment.id },
      fetchPolicy: 'network-only',
    });
    if (!data) return;
    const url = URL.createObjectURL(
      new Blob([data.riskAssessmentCsv], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `risk-assessment-${assessment.id}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const variables = { variables: { id: assessment.id } };
  return (
    <div className="no-print">
      {problem && <Alert tone="error">{problem}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
      <div className="toolbar page-actions">
        {assessment.viewerCan.edit && (
          <Button variant="secondary" onClick={onEdit}>
            {t('risk.actions.edit')}
          </Button>
        )}
        {assessment.viewerCan.manage &&
          assessment.status !== 'ARCHIVED' &&
          (assessment.publishedAt ? (
            <Button
              variant="secondary"
              busy={busy}
              onClick={() => void run(() => unpublish(variables), t('risk.actions.unpublished'))}
            >
              {t('risk.actions.unpublish')}
            </Button>
          ) : (
            <Button
              busy={busy}
              onClick={() => void run(() => publish(variables), t('risk.actions.publishedNote'))}
            >
              {t('risk.actions.publish')}
            </Button>
          ))}
        {isMember && (
          <Button variant="secondary" busy={busy} onClick={() => void run(downloadCsv)}>
            {t('risk.actions.csv')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => window.print()}>
          {t('risk.actions.print')}
        </Button>
        {assessment.viewerCan.manage &&
          assessment.status !== 'ARCHIVED' &&
          (confirmArchive ? (
            <span className="confirm">
              <span>{t('risk.actions.archiveConfirm')}</span>
              <Button
                variant="danger"
                busy={busy}
                onClick={() =>
                  void run(() => archive(variables), t('risk.actions.archived')).then(() =>
                    setConfirmArchive(false),
                  )
                }
              >
                {t('risk.actions.archiveYes')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirmArchive(false)}>
                {t('risk.cancel')}
              </Button>
            </span>
          ) : (
            <Button variant="quiet" onClick={() => setConfirmArchive(true)}>
              {t('risk.actions.archive')}
            </Button>
          ))}
      </div>
    </div>
  );
}

/** The risks, sortable by inherent or residual score, narrowed to a heatmap cell if one is chosen. */
function RiskTable({
  risks,
  kind,
  cell,
  onClearCell,
  selectedId,
  onOpen,
}: {
  risks: readonly RiskFieldsFragment[];
  kind: HeatmapKind;
  cell: { likelihood: number; impact: number } | null;
  onClearCell(): void;
  selectedId: string | null;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'score',
    direction: 'descending',
  });
  if (!risks.length) {
    return (
      <EmptyState title={t('risk.table.emptyTitle')}>
        <p>{t('risk.table.emptyBody')}</p>
      </EmptyState>
    );
  }
  const shown = sortRisks(inCell(risks, kind, cell), sort.key, sort.direction);

  function header(key: SortKey, label: string) {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? sort.direction : 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort({
              key,
              direction:
                active && sort.direction === 'descending'
                  ? 'ascending'
                  : active
                    ? 'descending'
                    : key === 'title'
                      ? 'ascending'
                      : 'descending',
            })
          }
        >
          {label}
          <span aria-hidden="true" className="sort-button__arrow">
            {active ? (sort.direction === 'descending' ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  }

  return (
    <>
      {cell && (
        <Alert
          tone="info"
          action={
            <Button variant="secondary" onClick={onClearCell}>
              {t('risk.table.showAll')}
            </Button>
          }
        >
          {t('risk.table.filtered', {
            likelihood: cell.likelihood,
            impact: cell.impact,
            kind: t(`risk.heatmap.${kind}`),
          })}
        </Alert>
      )}
      <div className="table-scroll">
        <table className="data-table risk-table">
          <caption className="visually-hidden">{t('risk.table.caption')}</caption>
          <thead>
            <tr>
              {header('title', t('risk.table.risk'))}
              {header('score', t('risk.table.inherent'))}
              {header('residualScore', t('risk.table.residual'))}
              <th scope="col" className="risk-table__actions">
                {t('risk.table.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((risk) => {
              const overdue = risk.mitigations.filter((m) => m.status === 'OVERDUE').length;
              const done = risk.mitigations.filter((m) => m.status === 'DONE').length;
              const progress = (
                <>
                  {risk.mitigations.length
                    ? t('risk.table.progress', { done, total: risk.mitigations.length })
                    : '—'}
                  {overdue > 0 && (
                    <span className="state state--overdue">
                      <span aria-hidden="true">⚠ </span>
                      {t('risk.mitigationState.OVERDUE')}
                    </span>
                  )}
                </>
              );
              const residual = {
                likelihood: risk.residualLikelihood ?? risk.likelihood,
                impact: risk.residualImpact ?? risk.impact,
              };
              return (
                <tr
                  key={risk.id}
                  className={risk.id === selectedId ? 'risk-table__row--selected' : undefined}
                  data-risk={risk.title}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={risk.id === selectedId}
                      onClick={() => onOpen(risk.id)}
                    >
                      {risk.title}
                    </button>
                    {risk.process && <span className="list__meta">{risk.process}</span>}
                    {risk.mitigations.length > 0 && (
                      <span className="risk-table__progress">
                        {t('risk.table.actions')}: {progress}
                      </span>
                    )}
                  </th>
                  <td data-score={risk.score}>
                    <LevelBadge level={risk.level} score={risk.score} />
                    <span className="score-parts">
                      {t('risk.table.parts', { likelihood: risk.likelihood, impact: risk.impact })}
                    </span>
                  </td>
                  <td data-residual-score={risk.residualScore}>
                    <LevelBadge level={risk.residualLevel} score={risk.residualScore} />
                    <span className="score-parts">{t('risk.table.parts', residual)}</span>
                  </td>
                  <td className="risk-table__actions">{progress}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!shown.length && <p className="muted">{t('risk.table.noneInCell')}</p>}
    </>
  );
}

/** One risk: what it is, how it works, its evidence; its treatment and its history. */
function RiskDetails({
  risk,
  assessment,
  onClose,
}: {
  risk: RiskFieldsFragment;
  assessment: Assessment;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card risk-details" aria-labelledby="risk-details">
      <div className="card__header">
        <h2 id="risk-details" className="card__title">
          {risk.title}
        </h2>
        <div className="toolbar no-print">
          {assessment.viewerCan.edit && !editing && (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('risk.editor.editTitle')}
            </Button>
          )}
          <Button variant="quiet" onClick={onClose}>
            {t('risk.close')}
          </Button>
        </div>
      </div>
      {saved && <Alert tone="success">{t('risk.editor.saved')}</Alert>}
      {editing ? (
        <RiskEditor
          assessmentId={assessment.id}
          risk={risk}
          onDone={(updated) => {
            setEditing(false);
            setSaved(Boolean(updated));
          }}
        />
      ) : (
        <>
          <p className="score-summary">
            {t('risk.table.inherent')}: <LevelBadge level={risk.level} score={risk.score} />{' '}
            {t('risk.table.residual')}:{' '}
            <LevelBadge level={risk.residualLevel} score={risk.residualScore} />
          </p>
          <dl className="facts">
            {risk.process && (
              <div>
                <dt>{t('risk.field.process')}</dt>
                <dd>{risk.process}</dd>
              </div>
            )}
            <div>
              <dt>{t('risk.field.description')}</dt>
              <dd className="prose">{risk.description || '—'}</dd>
            </div>
            <div>
              <dt>{t('risk.field.scheme')}</dt>
              <dd className="prose">{risk.scheme || '—'}</dd>
            </div>
            {risk.indicators.length > 0 && (
              <div>
                <dt>{t('risk.field.indicators')}</dt>
                <dd>
                  <ul className="plain-list">
                    {risk.indicators.map((indicator) => (
                      <li key={indicator}>{indicator}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {risk.evidenceThreads.length + risk.evidenceResources.length > 0 && (
              <div>
                <dt>{t('risk.field.evidence')}</dt>
                <dd>
                  <ul className="plain-list">
                    {risk.evidenceThreads.map((thread) => (
                      <li key={thread.id}>
                        <Link to={`/t/${thread.id}`}>{thread.title}</Link>
                      </li>
                    ))}
                    {risk.evidenceResources.map((resource) => (
                      <li key={resource.id}>
                        <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
          <ScoringRule />
        </>
      )}
      <Mitigations
        risk={risk}
        assessmentId={assessment.id}
        organisationId={assessment.space?.organisation.id}
        canEdit={assessment.viewerCan.edit}
      />
      <ScoreHistory risk={risk} />
    </section>
  );
}
