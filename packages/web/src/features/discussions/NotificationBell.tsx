import { useQuery, useSubscription } from '@apollo/client/react';
import { NavLink } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';

export const UNREAD_NOTIFICATIONS = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

/** The header's bell: the unread count, raised live as notifications arrive. */
export function NotificationBell() {
  const { t, plural } = useI18n();
  const { data, refetch } = useQuery(UNREAD_NOTIFICATIONS, { fetchPolicy: 'cache-and-network' });
  useSubscription(NOTIFICATION_ADDED, { onData: () => void refetch() });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="bell"
      aria-label={count ? plural('notifications.bellUnread', count) : t('notifications.title')}
    >
      <svg viewBox="0 0 24 24" className="icon" aria-hidden="true" focusable="false">
        <path
          d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0"
          fill="none"
          strokeWidth="1.8"
        />
      </svg>
      {count > 0 && (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
