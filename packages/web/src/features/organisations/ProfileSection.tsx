import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { OrganisationKind, OrganisationQuery } from '../../gql/graphql';
import { Alert, Button, Form, SelectField, TextAreaField, TextField } from '../../ui';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'NGO',
  'BUSINESS',
  'PUBLIC_INSTITUTION',
  'ACADEMIC',
  'MEDIA',
  'PROJECT_OFFICE',
];

const UPDATE_ORGANISATION = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      organisation {
        id
        name
        kind
        city
        country
        description
      }
    }
  }
`);

const FIELDS = ['name', 'kind', 'city', 'country', 'description'] as const;
type Field = (typeof FIELDS)[number];

type Organisation = NonNullable<OrganisationQuery['organisation']>;

export function ProfileSection({ organisation }: { organisation: Organisation }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [update, { loading }] = useMutation(UPDATE_ORGANISATION);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    try {
      await update({
        variables: {
          input: {
            id: organisation.id,
            name: String(form.get('name')),
            kind: String(form.get('kind')) as OrganisationKind,
            city: String(form.get('city')),
            country: String(form.get('country')),
            description: String(form.get('description')),
          },
        },
      });
      setEditing(false);
      setSaved(true);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <section className="card" aria-labelledby="organisation-profile">
      <h2 id="organisation-profile" className="card__title">
        {t('organisation.profile.title')}
      </h2>
      {saved && !editing && <Alert tone="success">{t('organisation.profile.saved')}</Alert>}
      {editing ? (
        <>
          <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
            <TextField
              label={t('organisation.field.name')}
              name="name"
              defaultValue={organisation.name}
              maxLength={120}
              required
              error={problems?.fields.name}
            />
            <SelectField
              label={t('organisation.field.kind')}
              name="kind"
              defaultValue={organisation.kind}
              error={problems?.fields.kind}
              options={ORGANISATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`kind.${kind}`),
              }))}
            />
            <TextField
              label={t('organisation.field.city')}
              name="city"
              defaultValue={organisation.city}
              maxLength={120}
              error={problems?.fields.city}
            />
            <TextField
              label={t('organisation.field.country')}
              name="country"
              defaultValue={organisation.country}
              maxLength={120}
              error={problems?.fields.country}
            />
            <TextAreaField
              label={t('organisation.field.description')}
              name="description"
              defaultValue={organisation.description}
              maxLength={2000}
              error={problems?.fields.description}
            />
            <div className="form__actions">
              <Button type="submit" busy={loading}>
                {loading ? t('common.saving') : t('common.save')}
              </Button>
              <Button
                variant="quiet"
                onClick={() => {
                  setEditing(false);
                  setProblems(null);
                }}
              >
                {t('common.cancel')}
              </Button>
            </div>
          </Form>
        </>
      ) : (
        <>
          {organisation.description ? (
            <p className="prose">{organisation.description}</p>
          ) : (
            <p className="muted">{t('organisation.profile.noDescription')}</p>
          )}
          <dl className="facts">
            <div>
              <dt>{t('organisation.field.kind')}</dt>
              <dd>{t(`kind.${organisation.kind}`)}</dd>
            </div>
            {organisation.city && (
              <div>
                <dt>{t('organisation.field.city')}</dt>
                <dd>{organisation.city}</dd>
              </div>
            )}
            {organisation.country && (
              <div>
                <dt>{t('organisation.field.country')}</dt>
                <dd>{organisation.country}</dd>
              </div>
            )}
            <div>
              <dt>{t('organisation.field.slug')}</dt>
              <dd>
                <code>/o/{organisation.slug}</code>
              </dd>
            </div>
            <div>
              <dt>{t('organisation.profile.since')}</dt>
              <dd>{date(organisation.createdAt)}</dd>
            </div>
          </dl>
          {organisation.viewerCan.update && (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('organisation.profile.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
