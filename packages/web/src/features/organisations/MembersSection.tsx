import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { MemberRole, MembersQuery } from '../../gql/graphql';
import { Button, EmptyState, QueryBoundary } from '../../ui';
import { MEMBER_ROLES } from './roles';

const PAGE = 100;

const MEMBERS = graphql(`
  query Members($organisationId: ID!, $first: Int!) {
    members(organisationId: $organisationId, first: $first) {
      edges {
        node {
          id
          role
          createdAt
          user {
            id
            displayName
            handle
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const CHANGE_MEMBER_ROLE = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      membership {
        id
        role
      }
    }
  }
`);

const REMOVE_MEMBER = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedMembershipId
    }
  }
`);

type Member = MembersQuery['members']['edges'][number]['node'];

export function MembersSection({
  organisationId,
  canManage,
}: {
  organisationId: string;
  canManage: boolean;
}) {
  const { t, plural } = useI18n();
  const { data, loading, error, refetch } = useQuery(MEMBERS, {
    variables: { organisationId, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const members = data?.members.edges.map((edge) => edge.node) ?? [];

  let body;
  if ((loading || error) && !data)
    body = <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  else if (!members.length) {
    body = (
      <EmptyState title={t('organisation.members.emptyTitle')}>
        <p>{t('organisation.members.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <p className="muted">{plural('organisation.members.count', members.length)}</p>
        <ul className="list">
          {members.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              canManage={canManage}
              onRemoved={() => void refetch()}
            />
          ))}
        </ul>
        {data?.members.pageInfo.hasNextPage && (
          <p className="muted">{t('home.more', { count: PAGE })}</p>
        )}
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="organisation-members">
      <h2 id="organisation-members" className="card__title">
        {t('organisation.members.title')}
      </h2>
      {body}
    </section>
  );
}

function MemberRow({
  member,
  canManage,
  onRemoved,
}: {
  member: Member;
  canManage: boolean;
  onRemoved(): void;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const id = useId();
  const { viewer } = useViewer();
  const [role, setRole] = useState<MemberRole>(member.role);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [changeRole, { loading: changing }] = useMutation(CHANGE_MEMBER_ROLE);
  const [remove, { loading: removing }] = useMutation(REMOVE_MEMBER);
  const isViewer = viewer?.id === member.user.id;
  const name = member.user.displayName;

  async function saveRole() {
    setOutcome(null);
    try {
      await changeRole({ variables: { input: { membershipId: member.id, role } } });
      setOutcome({ tone: 'success', text: t('organisation.members.roleChanged') });
    } catch (error) {
      setRole(member.role);
      setOutcome({ tone: 'error', text: problemText(error) });
    }
  }

  async function removeMember() {
    setOutcome(null);
    try {
      await remove({ variables: { input: { membershipId: member.id } } });
      onRemoved();
    } catch (error) {
      setConfirming(false);
      setOutcome({ tone: 'error', text: problemText(error) });
    }
  }

  function problemText(error: unknown): string {
    const view = describeError(error, i18n, ['role', 'membershipId']);
    return view.fields.role ?? view.fields.membershipId ?? view.summary ?? '';
  }

  return (
    <li className="list__item member">
      <div className="member__who">
        <p className="list__title">
          {name}
          {isViewer && (
            <span className="badge badge--neutral">{t('organisation.members.you')}</span>
          )}
        </p>
        <p className="list__meta">
          @{member.user.handle} ·{' '}
          {t('organisation.members.joined', { date: date(member.createdAt) })}
        </p>
        {!canManage && <span className="badge">{t(`role.${member.role}`)}</span>}
      </div>
      {canManage && (
        <div className="member__actions">
          <label className="visually-hidden" htmlFor={`${id}-role`}>
            {t('organisation.members.roleOf', { name })}
          </label>
          <select
            id={`${id}-role`}
            className="field__input field__select member__role"
            value={role}
            aria-invalid={outcome?.tone === 'error' ? true : undefined}
            aria-describedby={outcome ? `${id}-outcome` : undefined}
            onChange={(event) => setRole(event.target.value as MemberRole)}
          >
            {MEMBER_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </select>
          {role !== member.role && (
            <Button busy={changing} onClick={() => void saveRole()}>
              {t('organisation.members.saveRole')}
            </Button>
          )}
          {!isViewer &&
            (confirming ? (
              <>
                <Button variant="danger" busy={removing} onClick={() => void removeMember()}>
                  {t('organisation.members.confirmRemove', { name })}
                </Button>
                <Button variant="quiet" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
              </>
            ) : (
              <Button
                variant="danger"
                aria-label={t('organisation.members.removeLabel', { name })}
                onClick={() => setConfirming(true)}
              >
                {t('organisation.members.remove')}
              </Button>
            ))}
        </div>
      )}
      {outcome && (
        <p
          id={`${id}-outcome`}
          className={outcome.tone === 'error' ? 'member__problem' : 'member__done'}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
    </li>
  );
}
