import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { MemberRole } from '../../gql/graphql';
import { Alert, Button, EmptyState, Form, QueryBoundary, SelectField, TextField } from '../../ui';
import { MEMBER_ROLES } from './roles';

const INVITATIONS = graphql(`
  query Invitations($organisationId: ID!) {
    invitations(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          email
          role
          createdAt
          expiresAt
        }
      }
    }
  }
`);

const INVITE_MEMBER = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
      }
    }
  }
`);

const REVOKE_INVITATION = graphql(`
  mutation RevokeInvitation($input: IdInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        revokedAt
      }
    }
  }
`);

const FIELDS = ['email', 'role'] as const;
type Field = (typeof FIELDS)[number];

/** Admins invite people by e-mail and withdraw invitations not yet accepted. */
export function InvitationsSection({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { data, loading, error, refetch } = useQuery(INVITATIONS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [invite, { loading: inviting }] = useMutation(INVITE_MEMBER);
  const [revoke] = useMutation(REVOKE_INVITATION);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setProblems(null);
    setOutcome(null);
    try {
      const result = await invite({
        variables: {
          input: {
            organisationId,
            email: String(form.get('email')),
            role: String(form.get('role')) as MemberRole,
          },
        },
      });
      formElement.reset();
      await refetch();
      setOutcome({
        tone: 'success',
        text: t('organisation.invitations.sent', {
          email: result.data?.inviteMember.invitation.email ?? '',
        }),
      });
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  async function revokeOne(id: string, email: string) {
    setRevoking(id);
    setOutcome(null);
    try {
      await revoke({ variables: { input: { id } } });
      await refetch();
      setOutcome({ tone: 'success', text: t('organisation.invitations.revoked', { email }) });
    } catch (problem) {
      setOutcome({ tone: 'error', text: describeError(problem, i18n).summary ?? '' });
    } finally {
      setRevoking(null);
    }
  }

  const invitations = data?.invitations.edges.map((edge) => edge.node) ?? [];
  let list;
  if ((loading || error) && !data)
    list = <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  else if (!invitations.length) {
    list = (
      <EmptyState title={t('organisation.invitations.emptyTitle')}>
        <p>{t('organisation.invitations.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    list = (
      <ul className="list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="list__item list__item--row">
            <div className="list__main">
              <p className="list__title">{invitation.email}</p>
              <p className="list__meta">
                {t(`role.${invitation.role}`)} ·{' '}
                {t('organisation.invitations.expires', { date: date(invitation.expiresAt) })}
              </p>
            </div>
            <Button
              variant="danger"
              busy={revoking === invitation.id}
              aria-label={t('organisation.invitations.revokeLabel', { email: invitation.email })}
              onClick={() => void revokeOne(invitation.id, invitation.email)}
            >
              {t('organisation.invitations.revoke')}
            </Button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="card" aria-labelledby="organisation-invitations">
      <h2 id="organisation-invitations" className="card__title">
        {t('organisation.invitations.title')}
      </h2>
      <p className="muted">{t('organisation.invitations.intro')}</p>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('organisation.invitations.email')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          error={problems?.fields.email}
        />
        <SelectField
          label={t('organisation.invitations.role')}
          name="role"
          defaultValue="MEMBER"
          error={problems?.fields.role}
          options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <Button type="submit" busy={inviting}>
          {inviting ? t('organisation.invitations.sending') : t('organisation.invitations.send')}
        </Button>
      </Form>
      <h3 className="section__subtitle">{t('organisation.invitations.pending')}</h3>
      {list}
    </section>
  );
}
