import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { AssessmentFieldsFragment, AssessmentStatus, RiskSector } from '../../gql/graphql';
import { Alert, Button, Form, SelectField, TextAreaField, TextField } from '../../ui';
import { CREATE_ASSESSMENT, UPDATE_ASSESSMENT, WRITABLE_SPACES } from './documents';

export const SECTORS = [
  'LAND',
  'PROCUREMENT',
  'CONSTRUCTION',
  'HEALTH',
  'EDUCATION',
  'SOCIAL_BENEFITS',
  'LOCAL_GOVERNMENT',
  'OTHER',
] as const satisfies readonly RiskSector[];

export const STATUSES = [
  'DRAFT',
  'ACTIVE',
  'ARCHIVED',
] as const satisfies readonly AssessmentStatus[];

const FIELDS = [
  'spaceId',
  'title',
  'subject',
  'sector',
  'region',
  'period',
  'methodology',
  'status',
] as const;
type Field = (typeof FIELDS)[number];

/** Records a new draft assessment in one of the viewer's spaces, or changes one. */
export function AssessmentForm({
  assessment,
  spaceId,
  onDone,
}: {
  assessment?: AssessmentFieldsFragment;
  /** The space to offer first (from a space page). */
  spaceId?: string;
  onDone(assessment: AssessmentFieldsFragment | null): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [create, creating] = useMutation(CREATE_ASSESSMENT);
  const [update, updating] = useMutation(UPDATE_ASSESSMENT);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const spaces = useQuery(WRITABLE_SPACES, { skip: Boolean(assessment) });
  const writable = (spaces.data?.spaces.edges ?? [])
    .map((edge) => edge.node)
    .filter((space) => space.organisation.viewerRole);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: Field) => String(form.get(name) ?? '');
    const values = {
      title: text('title'),
      subject: text('subject'),
      sector: text('sector') as RiskSector,
      region: text('region'),
      period: text('period'),
      methodology: text('methodology'),
    };
    setProblems(null);
    try {
      if (assessment) {
        const status = text('status') as AssessmentStatus;
        const { data } = await update({
          variables: {
            input: {
              id: assessment.id,
              ...values,
              ...(assessment.status === 'ARCHIVED' ? {} : { status }),
            },
          },
        });
        onDone(data?.updateRiskAssessment.assessment ?? null);
      } else {
        const { data } = await create({
          variables: { input: { spaceId: text('spaceId'), ...values } },
          refetchQueries: ['RiskAssessments'],
        });
        onDone(data?.createRiskAssessment.assessment ?? null);
      }
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  if (!assessment && spaces.data && writable.length === 0) {
    return (
      <Alert tone="info">
        <p>{t('risk.create.noSpaces')}</p>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('risk.cancel')}
        </Button>
      </Alert>
    );
  }

  return (
    <Form
      problems={problems}
      className="form"
      onSubmit={(event) => void submit(event)}
      aria-label={assessment ? t('risk.actions.edit') : t('risk.create.title')}
    >
      {!assessment && (
        <SelectField
          label={t('risk.field.space')}
          hint={t('risk.field.spaceHint')}
          name="spaceId"
          defaultValue={spaceId ?? writable[0]?.id}
          key={writable.length}
          error={problems?.fields.spaceId}
          options={writable.map((space) => ({
            value: space.id,
            label: `${space.name} · ${space.organisation.name}`,
          }))}
        />
      )}
      <TextField
        label={t('risk.field.title')}
        hint={t('risk.field.titleHint')}
        name="title"
        required
        maxLength={200}
        defaultValue={assessment?.title}
        error={problems?.fields.title}
      />
      <TextField
        label={t('risk.field.subject')}
        hint={t('risk.field.subjectHint')}
        name="subject"
        required
        maxLength={300}
        defaultValue={assessment?.subject}
        error={problems?.fields.subject}
      />
      <div className="form__row">
        <SelectField
          label={t('risk.field.sector')}
          name="sector"
          defaultValue={assessment?.sector ?? 'LAND'}
          error={problems?.fields.sector}
          options={SECTORS.map((sector) => ({ value: sector, label: t(`risk.sector.${sector}`) }))}
        />
        <TextField
          label={t('risk.field.region')}
          hint={t('risk.field.regionHint')}
          name="region"
          maxLength={120}
          defaultValue={assessment?.region}
          error={problems?.fields.region}
        />
        <TextField
          label={t('risk.field.period')}
          hint={t('risk.field.periodHint')}
          name="period"
          maxLength={60}
          defaultValue={assessment?.period}
          error={problems?.fields.period}
        />
      </div>
      <TextAreaField
        label={t('risk.field.methodology')}
        hint={t('risk.field.methodologyHint')}
        name="methodology"
        rows={4}
        maxLength={5000}
        defaultValue={assessment?.methodology}
        error={problems?.fields.methodology}
      />
      {assessment && assessment.status !== 'ARCHIVED' && (
        <SelectField
          label={t('risk.field.status')}
          name="status"
          defaultValue={assessment.status}
          error={problems?.fields.status}
          options={(['DRAFT', 'ACTIVE'] as const).map((status) => ({
            value: status,
            label: t(`risk.status.${status}`),
          }))}
        />
      )}
      <div className="form__actions">
        <Button type="submit" busy={creating.loading || updating.loading}>
          {assessment ? t('common.save') : t('risk.create.submit')}
        </Button>
        <Button variant="quiet" onClick={() => onDone(null)}>
          {t('risk.cancel')}
        </Button>
      </div>
    </Form>
  );
}
