import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button, EmptyState, Page, QueryBoundary } from '../../ui';
import { ORGANISATION } from '../organisations/OrganisationPage';
import { HIDE_POST, RESTORE_POST } from './documents';

const MODERATION_QUEUE = graphql(`
  query ModerationQueue($organisationId: ID!) {
    moderationQueue(organisationId: $organisationId, first: 50) {
      edges {
        node {
          id
          reason
          createdAt
          resolution
          resolvedAt
          flaggedBy {
            id
            displayName
          }
          post {
            ...PostFields
          }
        }
      }
    }
  }
`);

const MODERATORS = new Set(['OWNER', 'ADMIN', 'MODERATOR']);

/** `/o/:slug/moderation`: flagged posts for the organisation's moderators, to hide or keep. */
export function ModerationQueuePage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const organisationResult = useQuery(ORGANISATION, { variables: { slug } });
  const organisation = organisationResult.data?.organisation;
  if (!organisation) {
    return (
      <QueryBoundary
        loading={organisationResult.loading}
        error={organisationResult.error}
        retry={organisationResult.refetch}
        notFound={{
          title: t('organisation.notFound.title'),
          body: t('organisation.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }
  return (
    <Page
      title={t('moderation.title')}
      intro={
        <>
          {t('moderation.intro')} <Link to={`/o/${organisation.slug}`}>{organisation.name}</Link>
        </>
      }
    >
      {organisation.viewerRole && MODERATORS.has(organisation.viewerRole) ? (
        <Queue organisationId={organisation.id} />
      ) : (
        <Alert tone="info">{t('moderation.notAllowed')}</Alert>
      )}
    </Page>
  );
}

function Queue({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { data, loading, error, refetch } = useQuery(MODERATION_QUEUE, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [hidePost] = useMutation(HIDE_POST);
  const [restorePost] = useMutation(RESTORE_POST);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
      await refetch();
    } catch (failure) {
      setProblem(describeError(failure, i18n).summary);
    }
  }

  if ((loading || error) && !data)
    return <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  const flags = data?.moderationQueue.edges.map((edge) => edge.node) ?? [];
  if (!flags.length) {
    return (
      <section className="card">
        <EmptyState title={t('moderation.emptyTitle')} level={2}>
          <p>{t('moderation.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="moderation-flags">
      <h2 id="moderation-flags" className="card__title">
        {t('moderation.flags')}
      </h2>
      {problem && <Alert tone="error">{problem}</Alert>}
      <ul className="list">
        {flags.map((flag) => (
          <li key={flag.id} className="list__item flag">
            <p className="list__title">
              {t('moderation.flaggedBy', {
                name: flag.flaggedBy?.displayName ?? t('discussions.formerMember'),
                date: date(flag.createdAt, 'dateTime'),
              })}
            </p>
            <p>
              <strong>{t('moderation.reason')}</strong> {flag.reason}
            </p>
            <blockquote className="post__quote">
              <span className="muted">
                {t('post.by', {
                  name: flag.post.author?.displayName ?? t('discussions.formerMember'),
                })}
                {flag.post.hiddenAt && ` · ${t('post.hiddenBadge')}`}
              </span>
              {flag.post.bodyHtml ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: flag.post.bodyHtml }} />
              ) : (
                <p className="muted">{t('post.goneText')}</p>
              )}
            </blockquote>
            {flag.resolution && (
              <p className="list__meta">
                {t('moderation.resolved', { resolution: flag.resolution })}
              </p>
            )}
            <div className="post__actions">
              {flag.post.hiddenAt ? (
                <Button
                  variant="secondary"
                  onClick={() =>
                    void run(() => restorePost({ variables: { input: { postId: flag.post.id } } }))
                  }
                >
                  {t('post.restore')}
                </Button>
              ) : (
                <Button
                  variant="danger"
                  onClick={() =>
                    void run(() =>
                      hidePost({
                        variables: { input: { postId: flag.post.id, reason: flag.reason } },
                      }),
                    )
                  }
                >
                  {t('post.hide')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
