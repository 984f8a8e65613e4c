import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ReportingSettingsQuery } from '../../gql/graphql';
import {
  Alert,
  Button,
  Field as LabelledField,
  Form,
  Page,
  QueryBoundary,
  TextAreaField,
} from '../../ui';
import { CONFIGURE_REPORTING, REPORTING_SETTINGS } from './documents';
import { useReportsOrganisation } from './InboxPage';

const FIELDS = ['intro', 'categories', 'handlerUserIds'] as const;
type Field = (typeof FIELDS)[number];

/** `/o/:slug/reporting`: admins turn reporting on, word the page and name the case handlers. */
export function ReportingSettingsPage() {
  const { organisation, fallback } = useReportsOrganisation();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(REPORTING_SETTINGS, {
    variables: { organisationId: organisation?.id ?? '' },
    skip: !organisation,
    fetchPolicy: 'cache-and-network',
  });
  if (!organisation) return fallback;
  const title = t('reporting.title', { name: organisation.name });
  if (!data) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{ title, link: { to: `/o/${organisation.slug}`, label: organisation.name } }}
      />
    );
  }
  return (
    <Page title={title} intro={t('reporting.intro')}>
      <nav className="page-links" aria-label={t('organisation.tools')}>
        <Link to={`/o/${organisation.slug}`}>{t('reports.backToOrganisation')}</Link>
        <Link to={`/o/${organisation.slug}/reports`}>{t('organisation.reportsLink')}</Link>
        <Link to={`/report/${organisation.slug}`}>{t('reports.publicPage')}</Link>
      </nav>
      <SettingsForm organisationId={organisation.id} data={data} />
    </Page>
  );
}

function SettingsForm({
  organisationId,
  data,
}: {
  organisationId: string;
  data: ReportingSettingsQuery;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = data.reportingSettings;
  const members = data.members.edges.map((edge) => edge.node);
  const [handlers, setHandlers] = useState<string[]>(settings.handlerUserIds);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [saved, setSaved] = useState(false);
  const [configure, { loading }] = useMutation(CONFIGURE_REPORTING);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    setSaved(false);
    try {
      await configure({
        variables: {
          input: {
            organisationId,
            enabled: form.get('enabled') === 'on',
            intro: String(form.get('intro') ?? ''),
            categories: String(form.get('categories') ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            offerOther: form.get('offerOther') === 'on',
            handlerUserIds: handlers,
          },
        },
      });
      setSaved(true);
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  return (
    <Form problems={problems} className="card form" onSubmit={(event) => void submit(event)}>
      {saved && <Alert tone="success">{t('reporting.saved')}</Alert>}
      <LabelledField kind="check" label={t('reporting.enabled')} name="enabled">
        {(control) => (
          <input {...control} type="checkbox" name="enabled" defaultChecked={settings.enabled} />
        )}
      </LabelledField>
      <TextAreaField
        label={t('reporting.introField')}
        hint={t('reporting.introHint')}
        name="intro"
        rows={4}
        maxLength={5000}
        defaultValue={settings.intro}
        error={problems?.fields.intro}
      />
      <TextAreaField
        label={t('reporting.categories')}
        hint={t('reporting.categoriesHint')}
        name="categories"
        rows={5}
        defaultValue={settings.categories.join('\n')}
        error={problems?.fields.categories}
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="offerOther" defaultChecked={settings.offerOther} />
          {t('reporting.offerOther', { other: t('report.category.other') })}
        </label>
      </div>
      <LabelledField
        kind="group"
        label={t('reporting.handlers')}
        hint={t('reporting.handlersHint')}
        name="handlerUserIds"
        error={problems?.fields.handlerUserIds}
      >
        {(control) =>
          members.map((member, index) => (
            <label key={member.id} className="checkbox">
              <input
                id={index === 0 ? control.id : undefined}
                type="checkbox"
                checked={handlers.includes(member.user.id)}
                onChange={(event) =>
                  setHandlers(
                    event.target.checked
                      ? [...handlers, member.user.id]
                      : handlers.filter((id) => id !== member.user.id),
                  )
                }
              />
              {member.user.displayName} <span className="muted">({t(`role.${member.role}`)})</span>
            </label>
          ))
        }
      </LabelledField>
      <div className="form__actions">
        <Button type="submit" busy={loading}>
          {loading ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
