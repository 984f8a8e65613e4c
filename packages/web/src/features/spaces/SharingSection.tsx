import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button, Form, TextField } from '../../ui';
import type { SpaceDetails } from './SpacePage';

const ORGANISATION_BY_SLUG = graphql(`
  query OrganisationBySlug($slug: String!) {
    organisation(slug: $slug) {
      id
      name
    }
  }
`);

const SHARE_SPACE = graphql(`
  mutation ShareSpace($input: ShareSpaceInput!) {
    shareSpace(input: $input) {
      space {
        id
        sharedWith {
          id
          name
          slug
        }
      }
    }
  }
`);

const UNSHARE_SPACE = graphql(`
  mutation UnshareSpace($input: ShareSpaceInput!) {
    unshareSpace(input: $input) {
      space {
        id
        sharedWith {
          id
          name
          slug
        }
      }
    }
  }
`);

type Field = 'organisationSlug';

/** The organisations a space is shared with; its admins share it by the organisation's address. */
export function SharingSection({ space }: { space: SpaceDetails }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useApolloClient();
  const [share, { loading: sharing }] = useMutation(SHARE_SPACE);
  const [unshare] = useMutation(UNSHARE_SPACE);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [unsharing, setUnsharing] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const slug = String(new FormData(formElement).get('organisationSlug')).trim().toLowerCase();
    setProblems(null);
    setOutcome(null);
    if (!slug) {
      setProblems({ summary: null, fields: { organisationSlug: t('fieldError.REQUIRED') } });
      return;
    }
    try {
      const { data } = await client.query({
        query: ORGANISATION_BY_SLUG,
        variables: { slug },
        fetchPolicy: 'network-only',
      });
      const target = data?.organisation;
      if (!target) {
        setProblems({
          summary: null,
          fields: { organisationSlug: t('fieldError.organisationSlug.NOT_FOUND') },
        });
        return;
      }
      await share({ variables: { input: { spaceId: space.id, organisationId: target.id } } });
      formElement.reset();
      setOutcome({ tone: 'success', text: t('space.sharing.shared', { name: target.name }) });
    } catch (error) {
      const view = describeError(error, i18n, ['organisationId']);
      setProblems({
        summary: view.fields.organisationId ? null : view.summary,
        fields: { organisationSlug: view.fields.organisationId },
      });
    }
  }

  async function stopSharing(organisationId: string, name: string) {
    setUnsharing(organisationId);
    setOutcome(null);
    try {
      await unshare({ variables: { input: { spaceId: space.id, organisationId } } });
      setOutcome({ tone: 'success', text: t('space.sharing.unshared', { name }) });
    } catch (error) {
      setOutcome({ tone: 'error', text: describeError(error, i18n).summary ?? '' });
    } finally {
      setUnsharing(null);
    }
  }

  return (
    <section className="card" aria-labelledby="space-sharing">
      <h2 id="space-sharing" className="card__title">
        {t('space.sharing.title')}
      </h2>
      <p className="muted">{t('space.sharing.intro')}</p>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      {space.sharedWith.length ? (
        <ul className="list">
          {space.sharedWith.map((organisation) => (
            <li key={organisation.id} className="list__item list__item--row">
              <p className="list__title list__main">
                <Link to={`/o/${organisation.slug}`}>{organisation.name}</Link>
              </p>
              {space.viewerCan.share && (
                <Button
                  variant="danger"
                  busy={unsharing === organisation.id}
                  aria-label={t('space.sharing.unshareLabel', { name: organisation.name })}
                  onClick={() => void stopSharing(organisation.id, organisation.name)}
                >
                  {t('space.sharing.unshare')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('space.sharing.none')}</p>
      )}
      {space.viewerCan.share && (
        <div className="subsection">
          <h3 className="section__subtitle">{t('space.sharing.shareTitle')}</h3>
          <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
            <TextField
              label={t('space.sharing.slug')}
              hint={t('space.sharing.slugHint')}
              name="organisationSlug"
              required
              autoCapitalize="none"
              spellCheck={false}
              error={problems?.fields.organisationSlug}
            />
            <Button type="submit" busy={sharing}>
              {t('space.sharing.submit')}
            </Button>
          </Form>
        </div>
      )}
    </section>
  );
}
