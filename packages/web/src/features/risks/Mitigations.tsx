import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { MitigationStatus, RiskFieldsFragment } from '../../gql/graphql';
import {
  Alert,
  Button,
  Field as LabelledField,
  Form,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui';
import {
  ADD_MITIGATION,
  ORGANISATION_MEMBERS,
  RISK_ASSESSMENT,
  SET_MITIGATION_STATUS,
} from './documents';
import { ScorePicker } from './RiskEditor';
import { localToday } from './scoring';

const STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const satisfies readonly MitigationStatus[];

const FIELDS = [
  'action',
  'ownerUserId',
  'dueDate',
  'residualLikelihood',
  'residualImpact',
] as const;
type Field = (typeof FIELDS)[number];

/** The actions that treat one risk: who, by when, how far; overdue ones stand out. */
export function Mitigations({
  risk,
  assessmentId,
  organisationId,
  canEdit,
}: {
  risk: RiskFieldsFragment;
  assessmentId: string;
  organisationId: string | undefined;
  canEdit: boolean;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const [setStatus] = useMutation(SET_MITIGATION_STATUS);
  const [statusProblem, setStatusProblem] = useState<string | null>(null);
  const overdue = risk.mitigations.filter((m) => m.status === 'OVERDUE').length;

  return (
    <section className="subsection" aria-labelledby={`mitigations-${risk.id}`}>
      <div className="card__header">
        <h3 id={`mitigations-${risk.id}`}>{t('risk.mitigations.title')}</h3>
        {canEdit && !adding && (
          <Button
            variant="secondary"
            className="no-print"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('risk.mitigations.add')}
          </Button>
        )}
      </div>
      {overdue > 0 && (
        <Alert tone="error">{i18n.plural('risk.mitigations.overdueCount', overdue)}</Alert>
      )}
      {added && !adding && <Alert tone="success">{t('risk.mitigations.added')}</Alert>}
      {statusProblem && <Alert tone="error">{statusProblem}</Alert>}
      {adding && (
        <MitigationForm
          risk={risk}
          assessmentId={assessmentId}
          organisationId={organisationId}
          onDone={(saved) => {
            setAdding(false);
            setAdded(saved);
          }}
        />
      )}
      {risk.mitigations.length ? (
        <ul className="mitigations">
          {risk.mitigations.map((mitigation) => {
            const late = mitigation.status === 'OVERDUE';
            return (
              <li
                key={mitigation.id}
                className={late ? 'mitigation mitigation--overdue' : 'mitigation'}
                data-status={mitigation.status}
              >
                <div className="mitigation__main">
                  <p className="mitigation__action">{mitigation.action}</p>
                  <p className="list__meta">
                    {t('risk.mitigations.due', { date: date(mitigation.dueDate) })}
                    {' · '}
                    {mitigation.owner
                      ? t('risk.mitigations.ownedBy', { name: mitigation.owner.displayName })
                      : t('risk.mitigations.noOwner')}
                    {mitigation.completedAt &&
                      ` · ${t('risk.mitigations.doneOn', { date: date(mitigation.completedAt) })}`}
                  </p>
                </div>
                <span className={`state state--${mitigation.status.toLowerCase()}`}>
                  {late && <span aria-hidden="true">⚠ </span>}
                  {t(`risk.mitigationState.${mitigation.status}`)}
                </span>
                {canEdit && (
                  <div className="mitigation__status no-print">
                    <SelectField
                      label={t('risk.mitigations.changeStatus')}
                      name="status"
                      value={mitigation.status === 'OVERDUE' ? 'PLANNED' : mitigation.status}
                      onChange={(event) => {
                        setStatusProblem(null);
                        setStatus({
                          variables: {
                            input: {
                              id: mitigation.id,
                              status: event.target.value as MitigationStatus,
                            },
                          },
                          refetchQueries: [
                            { query: RISK_ASSESSMENT, variables: { id: assessmentId } },
                          ],
                        }).catch((error: unknown) =>
                          setStatusProblem(describeError(error, i18n).summary),
                        );
                      }}
                      options={STATUSES.map((status) => ({
                        value: status,
                        label: t(`risk.mitigationStatus.${status}`),
                      }))}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('risk.mitigations.none')}</p>
      )}
    </section>
  );
}

/**
 * A new action: what, who (a member of the organisation), by when, and optionally the score
 * the risk will have once it is done (the residual score).
 */
function MitigationForm({
  risk,
  assessmentId,
  organisationId,
  onDone,
}: {
  risk: RiskFieldsFragment;
  assessmentId: string;
  organisationId: string | undefined;
  onDone(saved: boolean): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [addMitigation, adding] = useMutation(ADD_MITIGATION);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [lowers, setLowers] = useState(false);
  const [likelihood, setLikelihood] = useState(risk.residualLikelihood ?? risk.likelihood);
  const [impact, setImpact] = useState(risk.residualImpact ?? risk.impact);
  const members = useQuery(ORGANISATION_MEMBERS, {
    variables: { organisationId: organisationId ?? '' },
    skip: !organisationId,
    errorPolicy: 'ignore',
  });
  const people = (members.data?.members.edges ?? []).map((edge) => edge.node.user);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dueDate = String(form.get('dueDate') ?? '');
    setProblems(null);
    // Checked here too, so that nothing is written when the date is already wrong.
    if (dueDate && dueDate < localToday()) {
      setProblems({
        summary: t('common.fixErrors'),
        fields: { dueDate: t('fieldError.dueDate.IN_THE_PAST') },
      });
      return;
    }
    try {
      await addMitigation({
        variables: {
          input: {
            riskId: risk.id,
            action: String(form.get('action') ?? ''),
            ownerUserId: String(form.get('ownerUserId') ?? '') || null,
            dueDate,
            // The action and the score it leaves are saved together, or not at all.
            ...(lowers ? { residualLikelihood: likelihood, residualImpact: impact } : {}),
          },
        },
        refetchQueries: [{ query: RISK_ASSESSMENT, variables: { id: assessmentId } }],
        awaitRefetchQueries: true,
      });
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
      return;
    }
    onDone(true);
  }

  return (
    <Form
      problems={problems}
      className="form mitigation-form"
      onSubmit={(event) => void submit(event)}
      onChange={(event) => {
        // A corrected field loses its message at once; the rest wait for the next try.
        const input: EventTarget = event.target;
        const name = input instanceof Element ? (input.getAttribute('name') as Field | null) : null;
        if (name && problems?.fields[name]) {
          setProblems({ ...problems, fields: { ...problems.fields, [name]: undefined } });
        }
      }}
      aria-label={t('risk.mitigations.add')}
    >
      <TextAreaField
        label={t('risk.field.action')}
        hint={t('risk.field.actionHint')}
        name="action"
        rows={2}
        required
        maxLength={1000}
        error={problems?.fields.action}
      />
      <div className="form__row">
        <SelectField
          label={t('risk.field.owner')}
          hint={t('risk.field.ownerHint')}
          name="ownerUserId"
          defaultValue=""
          key={people.length}
          error={problems?.fields.ownerUserId}
          options={[
            { value: '', label: t('risk.mitigations.noOwner') },
            ...people.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <TextField
          label={t('risk.field.dueDate')}
          hint={t('risk.field.dueDateHint')}
          name="dueDate"
          type="date"
          required
          error={problems?.fields.dueDate}
        />
      </div>
      <fieldset className="score-fields">
        <legend>{t('risk.mitigations.residualLegend')}</legend>
        <LabelledField kind="check" label={t('risk.mitigations.lowers')}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={lowers}
              onChange={(event) => setLowers(event.target.checked)}
            />
          )}
        </LabelledField>
        {lowers && (
          <>
            <ScorePicker
              residual
              likelihood={likelihood}
              impact={impact}
              onLikelihood={setLikelihood}
              onImpact={setImpact}
              errors={problems?.fields}
            />
            <p className="muted">
              {t('risk.mitigations.residualNow', { score: risk.residualScore })}
            </p>
          </>
        )}
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={adding.loading}>
          {t('risk.mitigations.submit')}
        </Button>
        <Button variant="quiet" onClick={() => onDone(false)}>
          {t('risk.cancel')}
        </Button>
      </div>
    </Form>
  );
}

/** Every score the risk had, oldest first, with who set it. */
export function ScoreHistory({ risk }: { risk: RiskFieldsFragment }) {
  const { t, date } = useI18n();
  return (
    <section className="subsection" aria-labelledby={`history-${risk.id}`}>
      <h3 id={`history-${risk.id}`}>{t('risk.history.title')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('risk.history.when')}</th>
              <th scope="col">{t('risk.history.who')}</th>
              <th scope="col">{t('risk.table.inherent')}</th>
              <th scope="col">{t('risk.table.residual')}</th>
            </tr>
          </thead>
          <tbody>
            {[...risk.history].reverse().map((change) => {
              const residual =
                change.residualLikelihood != null && change.residualImpact != null
                  ? t('risk.history.score', {
                      likelihood: change.residualLikelihood,
                      impact: change.residualImpact,
                      score: change.residualLikelihood * change.residualImpact,
                    })
                  : t('risk.history.untreated');
              return (
                <tr key={change.id}>
                  <td>
                    <time dateTime={change.createdAt}>{date(change.createdAt, 'dateTime')}</time>
                  </td>
                  <td>{change.changedBy?.displayName ?? t('risk.history.someone')}</td>
                  <td>
                    {t('risk.history.score', {
                      likelihood: change.likelihood,
                      impact: change.impact,
                      score: change.likelihood * change.impact,
                    })}
                  </td>
                  <td>{residual}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
