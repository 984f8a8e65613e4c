import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { OrganisationKind } from '../../gql/graphql';
import { Button, Form, Page, SelectField, TextAreaField, TextField } from '../../ui';
import { ORGANISATION_KINDS } from './ProfileSection';
import { suggestSlug } from './slug';

const CREATE_ORGANISATION = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
        id
        slug
      }
    }
  }
`);

const FIELDS = ['name', 'slug', 'kind', 'city', 'country', 'description'] as const;
type Field = (typeof FIELDS)[number];

/** `/organisations/new`: the creator becomes the organisation's owner. */
export function CreateOrganisationPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(CREATE_ORGANISATION, {
    refetchQueries: ['Home', 'MyOrganisations'],
  });
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: String(form.get('name')),
            slug: slug.trim(),
            kind: String(form.get('kind')) as OrganisationKind,
            city: String(form.get('city')),
            country: String(form.get('country')),
            description: String(form.get('description')),
          },
        },
      });
      if (data) void navigate(`/o/${data.createOrganisation.organisation.slug}`);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <Page title={t('createOrganisation.title')} intro={t('createOrganisation.intro')}>
      <Form problems={problems} className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('organisation.field.name')}
          name="name"
          required
          maxLength={120}
          autoComplete="organization"
          error={problems?.fields.name}
          onChange={(event) => {
            if (!slugEdited) setSlug(suggestSlug(event.target.value, i18n.locale));
          }}
        />
        <TextField
          label={t('organisation.field.slug')}
          hint={t('createOrganisation.slugHint')}
          name="slug"
          required
          maxLength={60}
          autoCapitalize="none"
          spellCheck={false}
          value={slug}
          error={problems?.fields.slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value);
          }}
        />
        <SelectField
          label={t('organisation.field.kind')}
          name="kind"
          defaultValue="NGO"
          error={problems?.fields.kind}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
        <TextField
          label={t('organisation.field.city')}
          name="city"
          maxLength={120}
          error={problems?.fields.city}
        />
        <TextField
          label={t('organisation.field.country')}
          name="country"
          maxLength={120}
          error={problems?.fields.country}
        />
        <TextAreaField
          label={t('organisation.field.description')}
          name="description"
          maxLength={2000}
          error={problems?.fields.description}
        />
        <Button type="submit" busy={loading}>
          {loading ? t('createOrganisation.submitting') : t('createOrganisation.submit')}
        </Button>
      </Form>
    </Page>
  );
}
