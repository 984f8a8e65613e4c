import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { OrganisationQuery } from '../../gql/graphql';
import { Alert, Button, EmptyState, Form, QueryBoundary, TextAreaField, TextField } from '../../ui';
import { suggestSlug } from '../organisations/slug';

const NETWORK_INVITATIONS = graphql(`
  query NetworkInvitations($organisationId: ID!) {
    networkInvitations(organisationId: $organisationId) {
      id
      createdAt
      network {
        id
        name
        slug
        steward {
          id
          name
        }
      }
    }
  }
`);

const ACCEPT_NETWORK_INVITATION = graphql(`
  mutation AcceptNetworkInvitation($input: AcceptNetworkInvitationInput!) {
    acceptNetworkInvitation(input: $input) {
      invitation {
        id
        acceptedAt
      }
    }
  }
`);

const CREATE_NETWORK = graphql(`
  mutation CreateNetwork($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      network {
        id
        slug
      }
    }
  }
`);

type Organisation = NonNullable<OrganisationQuery['organisation']>;

/** The organisation's networks; for its admins, invitations to accept and a new network. */
export function NetworksSection({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const admin = organisation.viewerCan.manageNetworks;
  return (
    <section className="card" aria-labelledby="organisation-networks">
      <h2 id="organisation-networks" className="card__title">
        {t('networks.title')}
      </h2>
      {organisation.networks.length ? (
        <ul className="list">
          {organisation.networks.map((network) => (
            <li key={network.id} className="list__item">
              <p className="list__title">
                <Link to={`/n/${network.slug}`}>{network.name}</Link>
              </p>
              <p className="list__meta">
                {network.steward.id === organisation.id
                  ? t('networks.stewardedHere')
                  : t('networks.stewardedBy', { name: network.steward.name })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('networks.emptyTitle')}>
          <p>{t('networks.emptyBody')}</p>
        </EmptyState>
      )}
      {admin && <PendingNetworkInvitations organisationId={organisation.id} />}
      {admin && <CreateNetworkForm organisationId={organisation.id} />}
    </section>
  );
}

function PendingNetworkInvitations({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { data, loading, error, refetch } = useQuery(NETWORK_INVITATIONS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [accept] = useMutation(ACCEPT_NETWORK_INVITATION, {
    refetchQueries: ['Organisation', 'NetworkInvitations'],
  });
  const [accepting, setAccepting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function acceptOne(id: string, name: string) {
    setAccepting(id);
    setOutcome(null);
    try {
      await accept({ variables: { input: { invitationId: id } } });
      setOutcome({ tone: 'success', text: t('networks.invitations.joined', { name }) });
    } catch (problem) {
      const view = describeError(problem, i18n, ['invitationId']);
      setOutcome({ tone: 'error', text: view.fields.invitationId ?? view.summary ?? '' });
    } finally {
      setAccepting(null);
    }
  }

  if ((loading || error) && !data)
    return <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  const invitations = data?.networkInvitations ?? [];
  if (!invitations.length && !outcome) return null;
  return (
    <div className="subsection">
      <h3 className="section__subtitle">{t('networks.invitations.title')}</h3>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <ul className="list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="list__item list__item--row">
            <div className="list__main">
              <p className="list__title">{invitation.network.name}</p>
              <p className="list__meta">
                {t('networks.stewardedBy', { name: invitation.network.steward.name })} ·{' '}
                {date(invitation.createdAt)}
              </p>
            </div>
            <Button
              busy={accepting === invitation.id}
              aria-label={t('networks.invitations.acceptLabel', { name: invitation.network.name })}
              onClick={() => void acceptOne(invitation.id, invitation.network.name)}
            >
              {t('networks.invitations.accept')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const FIELDS = ['name', 'slug', 'description'] as const;
type Field = (typeof FIELDS)[number];

function CreateNetworkForm({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [create, { loading }] = useMutation(CREATE_NETWORK, { refetchQueries: ['Organisation'] });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            organisationId,
            name: String(form.get('name')),
            slug: slug.trim(),
            description: String(form.get('description')),
          },
        },
      });
      if (data) void navigate(`/n/${data.createNetwork.network.slug}`);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  if (!open) {
    return (
      <div className="subsection">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('networks.create.open')}
        </Button>
      </div>
    );
  }
  return (
    <div className="subsection">
      <h3 className="section__subtitle">{t('networks.create.title')}</h3>
      <p className="muted">{t('networks.create.intro')}</p>
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('networks.field.name')}
          name="name"
          required
          maxLength={120}
          error={problems?.fields.name}
          onChange={(event) => {
            if (!slugEdited) setSlug(suggestSlug(event.target.value, i18n.locale));
          }}
        />
        <TextField
          label={t('networks.field.slug')}
          hint={t('networks.create.slugHint')}
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
        <TextAreaField
          label={t('networks.field.description')}
          name="description"
          maxLength={2000}
          error={problems?.fields.description}
        />
        <div className="form__actions">
          <Button type="submit" busy={loading}>
            {loading ? t('networks.create.submitting') : t('networks.create.submit')}
          </Button>
          <Button variant="quiet" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
