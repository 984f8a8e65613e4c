import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { NetworkLibrary } from '../library/NetworkLibrary';
import { Alert, Button, EmptyState, Form, Page, QueryBoundary, TextField } from '../../ui';

const PAGE = 100;

const NETWORK = graphql(`
  query Network($slug: String!, $first: Int!) {
    network(slug: $slug) {
      id
      name
      slug
      description
      createdAt
      steward {
        id
        name
        slug
      }
      viewerCan {
        invite
      }
      members(first: $first) {
        edges {
          node {
            id
            name
            slug
            kind
            city
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

const INVITE_ORGANISATION = graphql(`
  mutation InviteOrganisationToNetwork($input: InviteOrganisationToNetworkInput!) {
    inviteOrganisationToNetwork(input: $input) {
      invitation {
        id
        organisation {
          id
          name
        }
      }
    }
  }
`);

/** `/n/:slug`: a network's member organisations and its steward. */
export function NetworkPage() {
  const { slug = '' } = useParams();
  const { t, date } = useI18n();
  const { data, loading, error, refetch } = useQuery(NETWORK, {
    variables: { slug, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const network = data?.network;
  if (!network) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('network.notFound.title'),
          body: t('network.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }
  const members = network.members.edges.map((edge) => edge.node);
  return (
    <Page title={network.name} intro={t('network.intro', { date: date(network.createdAt) })}>
      <div className="grid-2">
        <section className="card" aria-labelledby="network-about">
          <h2 id="network-about" className="card__title">
            {t('network.about')}
          </h2>
          {network.description ? (
            <p className="prose">{network.description}</p>
          ) : (
            <p className="muted">{t('network.noDescription')}</p>
          )}
          <dl className="facts">
            <div>
              <dt>{t('network.steward')}</dt>
              <dd>
                <Link to={`/o/${network.steward.slug}`}>{network.steward.name}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('networks.field.slug')}</dt>
              <dd>
                <code>/n/{network.slug}</code>
              </dd>
            </div>
          </dl>
          <p>
            <Link to={`/risks/summary?network=${network.id}`}>{t('risk.summary.networkLink')}</Link>
          </p>
          {network.viewerCan.invite && <InviteOrganisationForm networkId={network.id} />}
        </section>
        <section className="card" aria-labelledby="network-members">
          <h2 id="network-members" className="card__title">
            {t('network.members')}
          </h2>
          {members.length ? (
            <ul className="list">
              {members.map((member) => (
                <li key={member.id} className="list__item">
                  <p className="list__title">
                    <Link to={`/o/${member.slug}`}>{member.name}</Link>
                    {member.id === network.steward.id && (
                      <span className="badge">{t('network.stewardBadge')}</span>
                    )}
                  </p>
                  <p className="list__meta">
                    {[t(`kind.${member.kind}`), member.city].filter(Boolean).join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('network.emptyTitle')}>
              <p>{t('network.emptyBody')}</p>
            </EmptyState>
          )}
          {network.members.pageInfo.hasNextPage && (
            <p className="muted">{t('home.more', { count: PAGE })}</p>
          )}
        </section>
      </div>
      <NetworkLibrary networkSlug={network.slug} />
    </Page>
  );
}

const FIELDS = ['organisationSlug'] as const;
type Field = (typeof FIELDS)[number];

function InviteOrganisationForm({ networkId }: { networkId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [invite, { loading }] = useMutation(INVITE_ORGANISATION);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setProblems(null);
    setSent(null);
    try {
      const { data } = await invite({
        variables: {
          input: { networkId, organisationSlug: String(form.get('organisationSlug')).trim() },
        },
      });
      formElement.reset();
      setSent(data?.inviteOrganisationToNetwork.invitation.organisation.name ?? '');
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <div className="subsection">
      <h3 className="section__subtitle">{t('network.invite.title')}</h3>
      <p className="muted">{t('network.invite.intro')}</p>
      {sent !== null && <Alert tone="success">{t('network.invite.sent', { name: sent })}</Alert>}
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('network.invite.slug')}
          hint={t('network.invite.slugHint')}
          name="organisationSlug"
          required
          autoCapitalize="none"
          spellCheck={false}
          error={problems?.fields.organisationSlug}
        />
        <Button type="submit" busy={loading}>
          {loading ? t('network.invite.sending') : t('network.invite.submit')}
        </Button>
      </Form>
    </div>
  );
}
