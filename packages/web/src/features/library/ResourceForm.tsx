import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceCardFieldsFragment, ResourceKind, ResourceLanguage } from '../../gql/graphql';
import { Alert, Button, Form, SelectField, TextAreaField, TextField } from '../../ui';
import { CREATE_RESOURCE, UPDATE_RESOURCE } from './documents';
import { FileDropZone, UploadProgress } from './FileDropZone';
import { KINDS, LANGUAGES, parseTags } from './options';
import { useVersionUpload } from './useVersionUpload';

const FIELDS = ['title', 'description', 'kind', 'language', 'tags', 'url'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Adds a resource to a space (optionally with its first file, uploaded with progress), or
 * changes one. A file that fails to upload leaves the resource in place, without a version,
 * and says so: nothing is half-written on the server.
 */
export function ResourceForm({
  spaceId,
  resource,
  onDone,
}: {
  spaceId?: string;
  resource?: ResourceCardFieldsFragment;
  onDone(resource: { id: string } | null): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [createResource, creating] = useMutation(CREATE_RESOURCE);
  const [updateResource, updating] = useMutation(UPDATE_RESOURCE);
  const upload = useVersionUpload();
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? 'DOCUMENT');
  const [file, setFile] = useState<File | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get('url') ?? '').trim();
    const values = {
      title: String(form.get('title') ?? ''),
      description: String(form.get('description') ?? ''),
      kind,
      language: String(form.get('language')) as ResourceLanguage,
      tags: parseTags(String(form.get('tags') ?? '')),
      url: url || null,
    };
    setProblems(null);
    try {
      if (resource) {
        const { data } = await updateResource({
          variables: { input: { id: resource.id, ...values } },
        });
        onDone(data?.updateResource.resource ?? null);
        return;
      }
      let id = createdId;
      if (!id && spaceId) {
        const { data } = await createResource({ variables: { input: { spaceId, ...values } } });
        id = data?.createResource.resource.id ?? null;
        setCreatedId(id);
      }
      if (!id) return;
      if (file && !(await upload.start(id, file))) return;
      onDone({ id });
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  const state = upload.state;
  const busy =
    creating.loading || updating.loading || state.step === 'uploading' || state.step === 'saving';
  return (
    <Form
      problems={problems}
      className="form subsection"
      aria-label={resource ? t('library.edit') : t('library.add')}
      onSubmit={(event) => void submit(event)}
    >
      {createdId && state.step === 'cancelled' && (
        <Alert tone="info">{t('library.upload.cancelledKept')}</Alert>
      )}
      {state.step === 'failed' && <Alert tone="error">{state.message}</Alert>}
      <TextField
        label={t('library.field.title')}
        name="title"
        defaultValue={resource?.title}
        required
        error={problems?.fields.title}
      />
      <div className="form__row">
        <SelectField
          label={t('library.field.kind')}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as ResourceKind)}
          options={KINDS.map((value) => ({ value, label: t(`library.kind.${value}`) }))}
          error={problems?.fields.kind}
        />
        <SelectField
          label={t('library.field.language')}
          name="language"
          defaultValue={resource?.language ?? 'RU'}
          options={LANGUAGES.map((value) => ({ value, label: t(`library.language.${value}`) }))}
          error={problems?.fields.language}
        />
      </div>
      <TextAreaField
        label={t('library.field.description')}
        name="description"
        defaultValue={resource?.description}
        error={problems?.fields.description}
      />
      <TextField
        label={t('library.field.tags')}
        hint={t('library.field.tagsHint')}
        name="tags"
        defaultValue={resource?.tags.join(', ')}
        error={problems?.fields.tags}
      />
      {(kind === 'LINK' || resource?.url) && (
        <TextField
          label={t('library.field.url')}
          hint={t('library.field.urlHint')}
          name="url"
          type="url"
          inputMode="url"
          defaultValue={resource?.url ?? ''}
          required={kind === 'LINK'}
          error={problems?.fields.url}
        />
      )}
      {!resource && kind !== 'LINK' && (
        <FileDropZone
          label={t('library.field.file')}
          file={file}
          onFile={setFile}
          disabled={busy}
        />
      )}
      {state.step === 'uploading' && (
        <UploadProgress fraction={state.fraction} onCancel={upload.cancel} />
      )}
      {state.step === 'saving' && <p className="muted">{t('library.upload.saving')}</p>}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('common.saving') : resource ? t('common.save') : t('library.add')}
        </Button>
        <Button
          type="button"
          variant="quiet"
          onClick={() => onDone(createdId ? { id: createdId } : null)}
        >
          {t('library.cancel')}
        </Button>
      </div>
    </Form>
  );
}
