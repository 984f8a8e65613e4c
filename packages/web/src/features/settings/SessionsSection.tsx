import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button, EmptyState, Loading } from '../../ui';
import { describeUserAgent } from './user-agent';

const SESSIONS = graphql(`
  query Sessions($first: Int!) {
    sessions(first: $first) {
      edges {
        node {
          id
          current
          userAgent
          createdAt
          lastSeenAt
          expiresAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const REVOKE_SESSION = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) {
      revokedSessionId
    }
  }
`);

export function SessionsSection() {
  const i18n = useI18n();
  const { t, date, plural } = i18n;
  const { data, loading, error, refetch } = useQuery(SESSIONS, {
    variables: { first: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const [revoke] = useMutation(REVOKE_SESSION);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function revokeOne(id: string) {
    setRevoking(id);
    setOutcome(null);
    try {
      await revoke({ variables: { input: { id } } });
      await refetch();
      setOutcome({ tone: 'success', text: t('settings.sessions.revoked') });
    } catch (problem) {
      setOutcome({ tone: 'error', text: describeError(problem, i18n).summary ?? '' });
    } finally {
      setRevoking(null);
    }
  }

  const sessions = data?.sessions.edges.map((edge) => edge.node) ?? [];
  let body;
  if (loading && !data) {
    body = <Loading label={t('common.loading')} />;
  } else if (error && !data) {
    body = (
      <Alert
        tone="error"
        action={
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {describeError(error, i18n).summary}
      </Alert>
    );
  } else if (!sessions.length) {
    body = (
      <EmptyState title={t('settings.sessions.emptyTitle')}>
        <p>{t('settings.sessions.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <p className="muted">{plural('settings.sessions.count', sessions.length)}</p>
        <ul className="sessions">
          {sessions.map((session) => {
            const agent = describeUserAgent(session.userAgent);
            const device = agent
              ? t('settings.sessions.deviceOn', agent)
              : t('settings.sessions.unknownDevice');
            const lastSeen = date(session.lastSeenAt, 'dateTime');
            return (
              <li
                key={session.id}
                className={session.current ? 'session session--current' : 'session'}
                aria-current={session.current ? 'true' : undefined}
              >
                <div className="session__main">
                  <p className="session__device">
                    {device}
                    {session.current && (
                      <span className="badge">{t('settings.sessions.current')}</span>
                    )}
                  </p>
                  <dl className="session__facts">
                    <div>
                      <dt>{t('settings.sessions.lastSeen')}</dt>
                      <dd>{lastSeen}</dd>
                    </div>
                    <div>
                      <dt>{t('settings.sessions.signedIn')}</dt>
                      <dd>{date(session.createdAt, 'dateTime')}</dd>
                    </div>
                    <div>
                      <dt>{t('settings.sessions.expires')}</dt>
                      <dd>{date(session.expiresAt)}</dd>
                    </div>
                  </dl>
                </div>
                {!session.current && (
                  <Button
                    variant="danger"
                    busy={revoking === session.id}
                    aria-label={t('settings.sessions.revokeLabel', { device, date: lastSeen })}
                    onClick={() => void revokeOne(session.id)}
                  >
                    {revoking === session.id
                      ? t('settings.sessions.revoking')
                      : t('settings.sessions.revoke')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="settings-sessions">
      <h2 id="settings-sessions" className="card__title">
        {t('settings.sessions.title')}
      </h2>
      <p className="muted">{t('settings.sessions.intro')}</p>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      {body}
    </section>
  );
}
