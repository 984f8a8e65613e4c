import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { EventFieldsFragment, QuestionModeration } from '../../gql/graphql';
import {
  Button,
  Field as LabelledField,
  Form,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui';
import { fromZonedInput, isTimeZone, toZonedInput } from '../../app/i18n/zoned-time';
import { CREATE_EVENT, UPDATE_EVENT } from './documents';

const FIELDS = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'location',
  'onlineUrl',
  'capacity',
  'timezone',
] as const;
type Field = (typeof FIELDS)[number];

const DEFAULT_ZONE = 'Asia/Almaty';

/**
 * "2026-11-27T14:05" on the clock of the event's zone, as <input type="datetime-local"> wants
 * it: the times typed and shown are the event's, never the device's.
 */
function zonedInput(iso: string | undefined, zone: string, fallbackHours: number): string {
  if (iso) return toZonedInput(new Date(iso), zone);
  const start = new Date(Date.now() + fallbackHours * 3600_000);
  start.setUTCMinutes(0, 0, 0);
  return toZonedInput(start, zone);
}

/** The instant a clock in `zone` shows; what the server would refuse is sent as typed. */
function isoOf(value: FormDataEntryValue | null, zone: string): string {
  const text = String(value ?? '');
  return fromZonedInput(text, isTimeZone(zone) ? zone : DEFAULT_ZONE)?.toISOString() ?? text;
}

/** Creates a draft event in a space, or changes one (organisers). */
export function EventForm({
  spaceId,
  event,
  onDone,
}: {
  spaceId?: string;
  event?: EventFieldsFragment;
  onDone(event: EventFieldsFragment | null): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [createEvent, creating] = useMutation(CREATE_EVENT);
  const [updateEvent, updating] = useMutation(UPDATE_EVENT);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);

  async function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const form = new FormData(formEvent.currentTarget);
    const capacityText = String(form.get('capacity') ?? '').trim();
    const onlineUrl = String(form.get('onlineUrl') ?? '').trim();
    const timezone = String(form.get('timezone') ?? DEFAULT_ZONE).trim();
    const values = {
      title: String(form.get('title') ?? ''),
      description: String(form.get('description') ?? ''),
      startsAt: isoOf(form.get('startsAt'), timezone),
      endsAt: isoOf(form.get('endsAt'), timezone),
      timezone,
      location: String(form.get('location') ?? ''),
      onlineUrl: onlineUrl || null,
      capacity: capacityText ? Number(capacityText) : null,
      questionModeration: String(form.get('questionModeration')) as QuestionModeration,
      allowAnonymousQuestions: form.get('allowAnonymousQuestions') === 'on',
    };
    setProblems(null);
    try {
      if (event) {
        const { data } = await updateEvent({ variables: { input: { id: event.id, ...values } } });
        onDone(data?.updateEvent.event ?? null);
      } else if (spaceId) {
        const { data } = await createEvent({ variables: { input: { spaceId, ...values } } });
        onDone(data?.createEvent.event ?? null);
      }
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  const busy = creating.loading || updating.loading;
  const formZone = event && isTimeZone(event.timezone) ? event.timezone : DEFAULT_ZONE;
  return (
    <Form
      problems={problems}
      className="form subsection"
      aria-label={event ? t('event.edit') : t('event.create')}
      onSubmit={(formEvent) => void submit(formEvent)}
    >
      <TextField
        label={t('event.field.title')}
        name="title"
        defaultValue={event?.title}
        required
        error={problems?.fields.title}
      />
      <TextAreaField
        label={t('event.field.description')}
        name="description"
        defaultValue={event?.description}
        error={problems?.fields.description}
      />
      <div className="form__row">
        <TextField
          label={t('event.field.startsAt')}
          name="startsAt"
          type="datetime-local"
          hint={t('event.time.inputHint')}
          defaultValue={zonedInput(event?.startsAt, formZone, 24)}
          required
          error={problems?.fields.startsAt}
        />
        <TextField
          label={t('event.field.endsAt')}
          name="endsAt"
          type="datetime-local"
          hint={t('event.time.inputHint')}
          defaultValue={zonedInput(event?.endsAt, formZone, 26)}
          required
          error={problems?.fields.endsAt}
        />
      </div>
      <TextField
        label={t('event.field.timezone')}
        name="timezone"
        defaultValue={event?.timezone ?? DEFAULT_ZONE}
        error={problems?.fields.timezone}
      />
      <TextField
        label={t('event.field.location')}
        name="location"
        defaultValue={event?.location}
        error={problems?.fields.location}
      />
      <TextField
        label={t('event.field.onlineUrl')}
        name="onlineUrl"
        type="url"
        defaultValue={event?.onlineUrl ?? ''}
        error={problems?.fields.onlineUrl}
      />
      <TextField
        label={t('event.field.capacity')}
        hint={t('event.field.capacityHint')}
        name="capacity"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={event?.capacity ?? ''}
        error={problems?.fields.capacity}
      />
      <SelectField
        label={t('event.field.questionModeration')}
        name="questionModeration"
        defaultValue={event?.questionModeration ?? 'PRE'}
        options={(['PRE', 'POST'] as const).map((value) => ({
          value,
          label: t(`event.moderation.${value}`),
        }))}
      />
      <LabelledField
        kind="check"
        label={t('event.field.allowAnonymous')}
        name="allowAnonymousQuestions"
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            name="allowAnonymousQuestions"
            defaultChecked={event?.allowAnonymousQuestions ?? true}
          />
        )}
      </LabelledField>
      <div className="form__actions">
        <Button type="submit" busy={busy}>
          {busy ? t('common.saving') : event ? t('common.save') : t('event.createSubmit')}
        </Button>
        <Button variant="quiet" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
