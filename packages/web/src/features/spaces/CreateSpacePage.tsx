import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { SpaceVisibility } from '../../gql/graphql';
import { Alert, Button, Form, Page, QueryBoundary, TextAreaField, TextField } from '../../ui';
import { ORGANISATION } from '../organisations/OrganisationPage';
import { VisibilityFields } from './VisibilityFields';

const CREATE_SPACE = graphql(`
  mutation CreateSpace($input: CreateSpaceInput!) {
    createSpace(input: $input) {
      space {
        id
      }
    }
  }
`);

const FIELDS = ['name', 'description', 'visibility', 'networkId'] as const;
type Field = (typeof FIELDS)[number];

/** `/o/:slug/spaces/new`: admins create a space and say who may read it. */
export function CreateSpacePage() {
  const { slug = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ORGANISATION, { variables: { slug } });
  const [create, { loading: creating }] = useMutation(CREATE_SPACE, {
    refetchQueries: ['Home', 'OrganisationSpaces'],
  });
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const organisation = data?.organisation;

  if (!organisation) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('organisation.notFound.title'),
          body: t('organisation.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!organisation) return;
    const form = new FormData(event.currentTarget);
    const visibility = String(form.get('visibility') ?? 'ORGANISATION') as SpaceVisibility;
    const networkId = form.get('networkId');
    setProblems(null);
    try {
      const result = await create({
        variables: {
          input: {
            organisationId: organisation.id,
            name: String(form.get('name')),
            description: String(form.get('description')),
            visibility,
            networkId: visibility === 'NETWORK' && networkId ? String(networkId) : null,
          },
        },
      });
      if (result.data) void navigate(`/s/${result.data.createSpace.space.id}`);
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  return (
    <Page
      title={t('space.create.title')}
      intro={
        <>
          {t('space.create.intro')} <Link to={`/o/${organisation.slug}`}>{organisation.name}</Link>
        </>
      }
    >
      {!organisation.viewerCan.manageSpaces ? (
        <Alert tone="info">{t('space.create.notAllowed')}</Alert>
      ) : (
        <>
          <Form problems={problems} className="card form" onSubmit={(event) => void submit(event)}>
            <TextField
              label={t('space.field.name')}
              name="name"
              required
              maxLength={120}
              error={problems?.fields.name}
            />
            <TextAreaField
              label={t('space.field.description')}
              hint={t('space.field.descriptionHint')}
              name="description"
              maxLength={2000}
              error={problems?.fields.description}
            />
            <VisibilityFields
              networks={organisation.networks}
              errors={{
                visibility: problems?.fields.visibility,
                networkId: problems?.fields.networkId,
              }}
            />
            <Button type="submit" busy={creating}>
              {creating ? t('space.create.submitting') : t('space.create.submit')}
            </Button>
          </Form>
        </>
      )}
    </Page>
  );
}
