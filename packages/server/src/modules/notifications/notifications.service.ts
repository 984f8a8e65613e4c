import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { Notification } from './notifications.entity.js';

export const notificationTopic = (userId: string) => `user:${userId}:notifications`;

export interface NotificationEvent {
  notificationId: string;
  userId: string;
}

interface MentionTarget {
  handles: string[];
  space: { id: string; organisationId: string };
  threadId: string;
  postId: string | null;
}

/**
 * Notifies the people an @mention names, but only those who can read the space: a mention
 * never tells an outsider that the discussion exists.
 */
export async function notifyMentioned(
  em: EntityManager,
  context: Context,
  target: MentionTarget,
): Promise<string[]> {
  if (target.handles.length === 0 || context.viewer.kind !== 'user') return [];
  const actorId = context.viewer.userId;
  const readers = await em.execute<Array<{ id: string }>>(
    `select id from app_user
     where lower(handle) = any(?::text[]) and id <> ? and alany.user_can_read_space(id, ?)`,
    [
      `{${target.handles.map((h) => `"${h.replace(/["\\]/g, '')}"`).join(',')}}`,
      actorId,
      target.space.id,
    ],
  );
  const created: Notification[] = readers.map((reader) =>
    em.create(Notification, {
      organisationId: target.space.organisationId,
      spaceId: target.space.id,
      userId: reader.id,
      actorId,
      kind: 'MENTION',
      threadId: target.threadId,
      postId: target.postId,
    }),
  );
  await saveAndAnnounce(em, context, created);
  return created.map((n) => n.userId);
}

/**
 * Tells people that an organisation's case handlers changed (who may read integrity reports):
 * nobody becomes a reader of reports without the others hearing of it. Only an owner sends it.
 */
export async function notifyReportHandlersChanged(
  em: EntityManager,
  context: Context,
  organisationId: string,
  userIds: string[],
): Promise<void> {
  const { userId: actorId } = requireUser(context);
  const created = [...new Set(userIds)]
    .filter((id) => id !== actorId)
    .map((userId) =>
      em.create(Notification, {
        organisationId,
        spaceId: null,
        userId,
        actorId,
        kind: 'REPORT_HANDLERS_CHANGED',
      }),
    );
  await saveAndAnnounce(em, context, created);
}

export async function listNotifications(
  context: Context,
  page: PageArgs,
  unreadOnly: boolean,
): Promise<Connection<Notification>> {
  const { userId } = requireUser(context);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Notification,
      { userId, ...(unreadOnly ? { readAt: null } : {}), ...afterCursor(after) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (n) => ({ at: n.createdAt, id: n.id }), Boolean(after));
}

export async function unreadNotificationCount(context: Context): Promise<number> {
  const { userId } = requireUser(context);
  return context.db.read((em) => em.count(Notification, { userId, readAt: null }));
}

/** Marks the given notifications (or all) read; answers how many stay unread. */
export async function markNotificationsRead(
  context: Context,
  ids: string[] | null | undefined,
): Promise<number> {
  const { userId } = requireUser(context);
  // An empty list marks nothing; leave `ids` out to mark everything.
  if (ids && ids.length === 0) return unreadNotificationCount(context);
  await context.db.write((em) =>
    em.nativeUpdate(
      Notification,
      { userId, readAt: null, ...(ids?.length ? { id: { $in: ids } } : {}) },
      { readAt: new Date() },
    ),
  );
  return unreadNotificationCount(context);
}

export function notificationById(context: Context, id: string): Promise<Notification | null> {
  const { userId } = requireUser(context);
  return context.db.read((em) => em.findOne(Notification, { id, userId }));
}

/** Saves new notifications and tells each recipient's live feed once the change is committed. */
async function saveAndAnnounce(
  em: EntityManager,
  context: Context,
  created: Notification[],
): Promise<void> {
  await em.flush();
  for (const notification of created) {
    context.db.afterCommit(() =>
      context.pubsub.publish(notificationTopic(notification.userId), {
        notificationId: notification.id,
        userId: notification.userId,
      } satisfies NotificationEvent),
    );
  }
}
