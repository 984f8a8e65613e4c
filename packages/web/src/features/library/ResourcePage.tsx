import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Alert, Button, Form, Page, QueryBoundary, TextField } from '../../ui';
import { ADD_RESOURCE_VERSION, DELETE_RESOURCE, RESOURCE } from './documents';
import { FileDropZone, UploadProgress } from './FileDropZone';
import { ResourceForm } from './ResourceForm';
import { formatSize } from './upload';
import { useVersionUpload } from './useVersionUpload';

/** `/resources/:id`: a resource, its versions with downloads, and for its curators new versions. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t, date, locale } = i18n;
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleteResource, deleting] = useMutation(DELETE_RESOURCE);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(RESOURCE, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const resource = data?.resource;
  if (!resource)
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={() => void refetch()}
        notFound={{
          title: t('library.notFound.title'),
          body: t('library.notFound.body'),
          link: { to: '/library', label: t('library.title') },
        }}
      />
    );

  async function remove() {
    if (!resource || !window.confirm(t('library.delete.confirm', { title: resource.title })))
      return;
    try {
      await deleteResource({ variables: { input: { id: resource.id } } });
      void navigate(`/s/${resource.space.id}`);
    } catch (failure) {
      setProblem(describeError(failure, i18n).summary);
    }
  }

  const versions = resource.versions.edges.map((edge) => edge.node);
  return (
    <Page
      title={resource.title}
      intro={`${t(`library.kind.${resource.kind}`)} · ${t(`library.language.${resource.language}`)}`}
    >
      {problem && <Alert tone="error">{problem}</Alert>}
      <section className="card" aria-labelledby="resource-about">
        <div className="card__header">
          <h2 id="resource-about" className="card__title">
            {t('library.about')}
          </h2>
          {resource.viewerCan.update && !editing && (
            <div className="toolbar">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('library.edit')}
              </Button>
              <Button variant="danger" onClick={() => void remove()} disabled={deleting.loading}>
                {t('library.delete.action')}
              </Button>
            </div>
          )}
        </div>
        {editing ? (
          <ResourceForm
            resource={resource}
            onDone={() => {
              setEditing(false);
            }}
          />
        ) : (
          <>
            {resource.description && <p className="prose">{resource.description}</p>}
            <dl className="facts">
              <dt>{t('library.fact.space')}</dt>
              <dd>
                <Link to={`/s/${resource.space.id}`}>{resource.space.name}</Link> ·{' '}
                {resource.space.organisation.name}
              </dd>
              {resource.author && (
                <>
                  <dt>{t('library.fact.author')}</dt>
                  <dd>{resource.author.displayName}</dd>
                </>
              )}
              <dt>{t('library.fact.added')}</dt>
              <dd>{date(resource.createdAt)}</dd>
              {resource.url && (
                <>
                  <dt>{t('library.field.url')}</dt>
                  <dd>
                    <a href={resource.url} rel="noopener noreferrer" target="_blank">
                      {resource.url}
                    </a>
                  </dd>
                </>
              )}
              {resource.tags.length > 0 && (
                <>
                  <dt>{t('library.field.tags')}</dt>
                  <dd>{resource.tags.join(', ')}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="resource-versions">
        <h2 id="resource-versions" className="card__title">
          {t('library.versions.title')}
        </h2>
        {versions.length === 0 ? (
          <p className="muted">{t('library.versions.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="versions">
              <caption className="visually-hidden">{t('library.versions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('library.versions.number')}</th>
                  <th scope="col">{t('library.versions.file')}</th>
                  <th scope="col">{t('library.versions.note')}</th>
                  <th scope="col">{t('library.versions.added')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id}>
                    <td>{version.number}</td>
                    <td>
                      {version.downloadUrl ? (
                        <>
                          <a href={version.downloadUrl} download>
                            {version.fileName}
                          </a>
                          <span className="muted">
                            {' '}
                            {version.size !== null && version.size !== undefined
                              ? formatSize(version.size, locale)
                              : ''}
                            {version.mediaType ? ` · ${version.mediaType.split(';')[0]}` : ''}
                          </span>
                          {version.sha256 && (
                            <span className="hash" title={version.sha256}>
                              SHA-256 {version.sha256.slice(0, 12)}…
                            </span>
                          )}
                        </>
                      ) : (
                        <a href={version.url ?? ''} rel="noopener noreferrer" target="_blank">
                          {version.url}
                        </a>
                      )}
                    </td>
                    <td>{version.note}</td>
                    <td>
                      {date(version.createdAt)}
                      {version.author && ` · ${version.author.displayName}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {resource.viewerCan.update && (
          <NewVersion resourceId={resource.id} onAdded={() => void refetch()} />
        )}
      </section>
    </Page>
  );
}

/** Upload a new file (with progress and cancel) or point to a new address. */
function NewVersion({ resourceId, onAdded }: { resourceId: string; onAdded(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const upload = useVersionUpload();
  const [addVersion, adding] = useMutation(ADD_RESOURCE_VERSION);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get('note') ?? '');
    const url = String(form.get('url') ?? '').trim();
    setProblem(null);
    setUrlError(undefined);
    if (file) {
      if (await upload.start(resourceId, file, note)) {
        setFile(null);
        setFormKey((key) => key + 1);
        onAdded();
      }
      return;
    }
    if (!url) {
      setProblem(t('library.versions.needFile'));
      return;
    }
    try {
      await addVersion({ variables: { input: { resourceId, url, note } } });
      setFormKey((key) => key + 1);
      onAdded();
    } catch (error) {
      const view = describeError(error, i18n, ['url'] as const);
      setProblem(view.summary);
      setUrlError(view.fields.url);
    }
  }

  const state = upload.state;
  const busy = adding.loading || state.step === 'uploading' || state.step === 'saving';
  return (
    <Form
      problems={problem}
      key={formKey}
      className="form subsection"
      aria-label={t('library.versions.add')}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className="section__subtitle">{t('library.versions.add')}</h3>
      {state.step === 'failed' && <Alert tone="error">{state.message}</Alert>}
      {state.step === 'cancelled' && <Alert tone="info">{t('library.upload.cancelled')}</Alert>}
      <FileDropZone label={t('library.field.file')} file={file} onFile={setFile} disabled={busy} />
      <TextField
        label={t('library.versions.orUrl')}
        name="url"
        type="url"
        inputMode="url"
        disabled={busy || Boolean(file)}
        error={urlError}
      />
      <TextField label={t('library.versions.note')} name="note" disabled={busy} />
      {state.step === 'uploading' && (
        <UploadProgress fraction={state.fraction} onCancel={upload.cancel} />
      )}
      {state.step === 'saving' && <p className="muted">{t('library.upload.saving')}</p>}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('common.saving') : t('library.versions.submit')}
        </Button>
      </div>
    </Form>
  );
}
