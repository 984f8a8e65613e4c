import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { EmptyState, Page, QueryBoundary } from '../../ui';
import { NOTIFICATION_ADDED, UNREAD_NOTIFICATIONS } from './NotificationBell';

const NOTIFICATIONS = graphql(`
  query Notifications {
    notifications(first: 50) {
      edges {
        node {
          id
          kind
          createdAt
          readAt
          threadId
          postId
          actor {
            id
            displayName
          }
          thread {
            id
            title
          }
        }
      }
    }
  }
`);

const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
    }
  }
`);

/** `/notifications`: newest first; what is shown is marked read, and "new" stays visible here. */
export function NotificationsPage() {
  const { t, date } = useI18n();
  const { data, loading, error, refetch } = useQuery(NOTIFICATIONS, {
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MARK_NOTIFICATIONS_READ, {
    update: (cache, { data: result }) => {
      if (!result) return;
      cache.writeQuery({
        query: UNREAD_NOTIFICATIONS,
        data: { unreadNotificationCount: result.markNotificationsRead.unreadCount },
      });
    },
  });
  useSubscription(NOTIFICATION_ADDED, { onData: () => void refetch() });
  const notifications = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const unreadIds = notifications.filter((n) => !n.readAt).map((n) => n.id);
  const marked = useRef(new Set<string>());
  const toMark = unreadIds.filter((id) => !marked.current.has(id));

  useEffect(() => {
    if (!toMark.length) return;
    for (const id of toMark) marked.current.add(id);
    void markRead({ variables: { input: { ids: toMark } } }).catch(() => {});
  }, [toMark.join()]);

  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : !notifications.length ? (
        <section className="card">
          <EmptyState title={t('notifications.emptyTitle')} level={2}>
            <p>{t('notifications.emptyBody')}</p>
          </EmptyState>
        </section>
      ) : (
        <section className="card" aria-labelledby="notifications-list">
          <h2 id="notifications-list" className="card__title">
            {t('notifications.latest')}
          </h2>
          <ul className="list">
            {notifications.map((notification) => {
              const who = notification.actor?.displayName ?? t('discussions.formerMember');
              const handlersChanged = notification.kind === 'REPORT_HANDLERS_CHANGED';
              const text =
                notification.kind === 'MENTION'
                  ? // A thread's own mention and a reply's read differently (issue #26.10).
                    notification.postId
                    ? t('notifications.mentionReply', { name: who })
                    : t('notifications.mentionThread', { name: who })
                  : handlersChanged
                    ? t('notifications.reportHandlersChanged', { name: who })
                    : t('notifications.other', { name: who });
              return (
                <li key={notification.id} className="list__item">
                  <p className="list__title">
                    {text}{' '}
                    {handlersChanged ? null : notification.thread ? (
                      <Link
                        to={`/t/${notification.thread.id}${notification.postId ? `#post-${notification.postId}` : ''}`}
                      >
                        {t('notifications.quotedTitle', { title: notification.thread.title })}
                      </Link>
                    ) : (
                      <span className="muted">{t('notifications.threadGone')}</span>
                    )}
                    {!notification.readAt && (
                      <span className="badge badge--new">{t('notifications.new')}</span>
                    )}
                  </p>
                  <p className="list__meta">
                    <time dateTime={notification.createdAt}>
                      {date(notification.createdAt, 'dateTime')}
                    </time>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </Page>
  );
}
