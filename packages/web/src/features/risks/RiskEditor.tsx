import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { RiskFieldsFragment } from '../../gql/graphql';
import { Button, Field as LabelledField, Form, TextAreaField, TextField } from '../../ui';
import { ADD_RISK, RISK_ASSESSMENT, UPDATE_RISK } from './documents';
import { LevelBadge } from './Heatmap';
import { evidenceFrom, isScale, LEVEL_FROM, LEVEL_TO, levelOf, strayEvidence } from './scoring';

const FIELDS = [
  'title',
  'process',
  'description',
  'scheme',
  'indicators',
  'evidenceThreadIds',
  'evidenceResourceIds',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
] as const;
type Field = (typeof FIELDS)[number];

/** A 1–5 range input with its value in words beside it, and the server's problem under it. */
export function ScaleSlider({
  name,
  label,
  value,
  onChange,
  words,
  error,
}: {
  name: string;
  label: string;
  value: number;
  onChange(value: number): void;
  words: 'likelihood' | 'impact';
  error?: string;
}) {
  const { t } = useI18n();
  const word = t(`risk.scale.${words}.${value}` as 'risk.scale.likelihood.1');
  return (
    <LabelledField label={label} name={name} error={error} className="slider">
      {(control) => (
        <div className="slider__row">
          <input
            {...control}
            name={name}
            type="range"
            min={1}
            max={5}
            step={1}
            value={value}
            className="slider__input"
            aria-valuetext={`${value}: ${word}`}
            onChange={(event) => onChange(Number(event.target.value))}
          />
          <output htmlFor={control.id} className="slider__value">
            <strong>{value}</strong> {word}
          </output>
        </div>
      )}
    </LabelledField>
  );
}

/** "Score 4 × 5 = 20: Critical", live while the sliders move. */
export function ScoreLine({ likelihood, impact }: { likelihood: number; impact: number }) {
  const { t } = useI18n();
  if (!isScale(likelihood) || !isScale(impact)) return null;
  return (
    <p className="score-line" aria-live="polite">
      {t('risk.editor.scoreIs', { likelihood, impact, score: likelihood * impact })}{' '}
      <LevelBadge level={levelOf(likelihood, impact)} />
    </p>
  );
}

/**
 * The two sliders of one score (inherent, or residual with `residual`) and the live score line:
 * the form fields are `likelihood`/`impact` or `residualLikelihood`/`residualImpact`.
 */
export function ScorePicker({
  residual = false,
  likelihood,
  impact,
  onLikelihood,
  onImpact,
  errors,
}: {
  residual?: boolean;
  likelihood: number;
  impact: number;
  onLikelihood(value: number): void;
  onImpact(value: number): void;
  errors?: Partial<Record<string, string>>;
}) {
  const { t } = useI18n();
  const names = residual
    ? ({ likelihood: 'residualLikelihood', impact: 'residualImpact' } as const)
    : ({ likelihood: 'likelihood', impact: 'impact' } as const);
  return (
    <>
      <div className="form__row">
        <ScaleSlider
          name={names.likelihood}
          label={t(`risk.${names.likelihood}`)}
          value={likelihood}
          onChange={onLikelihood}
          words="likelihood"
          error={errors?.[names.likelihood]}
        />
        <ScaleSlider
          name={names.impact}
          label={t(`risk.${names.impact}`)}
          value={impact}
          onChange={onImpact}
          words="impact"
          error={errors?.[names.impact]}
        />
      </div>
      <ScoreLine likelihood={likelihood} impact={impact} />
    </>
  );
}

/** How a score becomes a level, with the server's exact thresholds. */
export function ScoringRule() {
  const { t } = useI18n();
  return (
    <details className="rule">
      <summary>{t('risk.rule.title')}</summary>
      <p>{t('risk.rule.body')}</p>
      <ul>
        {(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map((level) => (
          <li key={level}>
            <LevelBadge level={level} />{' '}
            {t('risk.heatmap.range', { from: LEVEL_FROM[level], to: LEVEL_TO[level] })}
          </li>
        ))}
      </ul>
      <p className="muted">{t('risk.rule.residual')}</p>
    </details>
  );
}

/**
 * Adds a risk to an assessment, or changes one: what it is, how the scheme works, its signs,
 * and its score on two sliders (and, when changing it, the score after treatment).
 */
export function RiskEditor({
  assessmentId,
  risk,
  onDone,
}: {
  assessmentId: string;
  risk?: RiskFieldsFragment;
  onDone(risk: RiskFieldsFragment | null): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [addRisk, adding] = useMutation(ADD_RISK);
  const [updateRisk, updating] = useMutation(UPDATE_RISK);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [likelihood, setLikelihood] = useState(risk?.likelihood ?? 3);
  const [impact, setImpact] = useState(risk?.impact ?? 3);
  const [treated, setTreated] = useState(risk?.residualLikelihood != null);
  const [residualLikelihood, setResidualLikelihood] = useState(
    risk?.residualLikelihood ?? risk?.likelihood ?? 3,
  );
  const [residualImpact, setResidualImpact] = useState(risk?.residualImpact ?? risk?.impact ?? 3);
  const refetch = { refetchQueries: [{ query: RISK_ASSESSMENT, variables: { id: assessmentId } }] };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: Field) => String(form.get(name) ?? '');
    const indicators = text('indicators')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const values = {
      title: text('title'),
      process: text('process'),
      description: text('description'),
      scheme: text('scheme'),
      indicators,
      likelihood,
      impact,
    };
    setProblems(null);
    try {
      if (risk) {
        const { data } = await updateRisk({
          variables: {
            input: {
              id: risk.id,
              ...values,
              ...(treated ? { residualLikelihood, residualImpact } : {}),
            },
          },
          ...refetch,
        });
        onDone(data?.updateRisk.risk ?? null);
      } else {
        const evidence = text('evidenceThreadIds');
        if (strayEvidence(evidence).length) {
          setProblems({
            summary: t('common.fixErrors'),
            fields: { evidenceThreadIds: t('risk.editor.evidenceFormat') },
          });
          return;
        }
        const { threadIds, resourceIds } = evidenceFrom(evidence);
        const { data } = await addRisk({
          variables: {
            input: {
              assessmentId,
              ...values,
              evidenceThreadIds: threadIds,
              evidenceResourceIds: resourceIds,
            },
          },
          ...refetch,
        });
        onDone(data?.addRisk.risk ?? null);
      }
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <Form
      problems={problems}
      className="form risk-editor"
      onSubmit={(event) => void submit(event)}
      onChange={(event) => {
        // A corrected field loses its message at once; the rest wait for the next try.
        const input: EventTarget = event.target;
        const name = input instanceof Element ? (input.getAttribute('name') as Field | null) : null;
        if (name && problems?.fields[name]) {
          setProblems({ ...problems, fields: { ...problems.fields, [name]: undefined } });
        }
      }}
      aria-label={risk ? t('risk.editor.editTitle') : t('risk.editor.addTitle')}
    >
      <TextField
        label={t('risk.field.riskTitle')}
        hint={t('risk.field.riskTitleHint')}
        name="title"
        required
        maxLength={200}
        defaultValue={risk?.title}
        error={problems?.fields.title}
      />
      <TextField
        label={t('risk.field.process')}
        hint={t('risk.field.processHint')}
        name="process"
        maxLength={300}
        defaultValue={risk?.process}
        error={problems?.fields.process}
      />
      <TextAreaField
        label={t('risk.field.description')}
        hint={t('risk.field.descriptionHint')}
        name="description"
        rows={3}
        defaultValue={risk?.description}
        error={problems?.fields.description}
      />
      <TextAreaField
        label={t('risk.field.scheme')}
        hint={t('risk.field.schemeHint')}
        name="scheme"
        rows={3}
        defaultValue={risk?.scheme}
        error={problems?.fields.scheme}
      />
      <TextAreaField
        label={t('risk.field.indicators')}
        hint={t('risk.field.indicatorsHint')}
        name="indicators"
        rows={3}
        defaultValue={risk?.indicators.join('\n')}
        error={problems?.fields.indicators}
      />
      {!risk && (
        <TextAreaField
          label={t('risk.field.evidence')}
          hint={t('risk.field.evidenceHint')}
          name="evidenceThreadIds"
          rows={2}
          error={problems?.fields.evidenceThreadIds ?? problems?.fields.evidenceResourceIds}
        />
      )}
      <fieldset className="score-fields">
        <legend>{t('risk.editor.inherent')}</legend>
        <ScorePicker
          likelihood={likelihood}
          impact={impact}
          onLikelihood={setLikelihood}
          onImpact={setImpact}
          errors={problems?.fields}
        />
        <ScoringRule />
      </fieldset>
      {risk && (
        <fieldset className="score-fields">
          <legend>{t('risk.editor.residual')}</legend>
          {risk.residualLikelihood == null ? (
            <LabelledField kind="check" label={t('risk.editor.setResidual')}>
              {(control) => (
                <input
                  {...control}
                  type="checkbox"
                  checked={treated}
                  onChange={(event) => setTreated(event.target.checked)}
                />
              )}
            </LabelledField>
          ) : (
            <p className="muted">{t('risk.editor.residualHint')}</p>
          )}
          {treated && (
            <ScorePicker
              residual
              likelihood={residualLikelihood}
              impact={residualImpact}
              onLikelihood={setResidualLikelihood}
              onImpact={setResidualImpact}
              errors={problems?.fields}
            />
          )}
        </fieldset>
      )}
      <div className="form__actions">
        <Button type="submit" busy={adding.loading || updating.loading}>
          {risk ? t('common.save') : t('risk.editor.add')}
        </Button>
        <Button variant="quiet" onClick={() => onDone(null)}>
          {t('risk.cancel')}
        </Button>
      </div>
    </Form>
  );
}
