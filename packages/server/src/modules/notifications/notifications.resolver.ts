import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser, SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { Post, Thread, postLoader, readableThread } from '../discussions/index.js';
import { Notification } from './notifications.entity.js';
import * as notifications from './notifications.service.js';

const NotificationConnection = ConnectionType(Notification, 'Notification');

@InputType()
class MarkNotificationsReadInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'The notifications to mark; all when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'Not a valid id.' })
  ids?: string[] | null;
}

@ObjectType()
class MarkNotificationsReadPayload {
  @Field(() => Int)
  unreadCount!: number;
}

/** The viewer's own notifications, live while they are allowed to see what they point at. */
async function* liveNotifications(context: Context): AsyncGenerator<Notification> {
  const { userId } = requireUser(context);
  const events = context.pubsub.subscribe<notifications.NotificationEvent>(
    notifications.notificationTopic(userId),
  );
  try {
    for await (const event of events) {
      context.loaders.clear();
      const notification = await notifications.notificationById(context, event.notificationId);
      if (!notification) continue;
      if (
        notification.threadId &&
        !(await readableThread(context, notification.threadId).catch(() => undefined))
      )
        continue;
      yield notification;
    }
  } finally {
    await events.return?.();
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first." })
  @SignedIn()
  notifications(
    @Args() page: PageArgs,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Ctx() context: Context,
  ) {
    return notifications.listNotifications(context, page, unreadOnly);
  }

  @Query(() => Int, {
    description: "How many of the viewer's notifications are unread (for the bell).",
  })
  @SignedIn()
  unreadNotificationCount(@Ctx() context: Context): Promise<number> {
    return notifications.unreadNotificationCount(context);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  @SignedIn()
  async markNotificationsRead(
    @Arg('input') input: MarkNotificationsReadInput,
    @Ctx() context: Context,
  ) {
    return { unreadCount: await notifications.markNotificationsRead(context, input.ids) };
  }

  @Subscription(() => Notification, {
    description: 'Each new notification for the viewer, as it happens.',
    subscribe: ({ context }) => liveNotifications(context as Context),
  })
  @SignedIn()
  notificationAdded(@Root() notification: Notification): Notification {
    return notification;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who caused it.' })
  actor(@Root() notification: Notification, @Ctx() context: Context): Promise<User | null> {
    return notification.actorId
      ? userLoader(context).load(notification.actorId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => Thread, {
    nullable: true,
    description: 'The thread, while the viewer may read it.',
  })
  thread(@Root() notification: Notification, @Ctx() context: Context): Promise<Thread | null> {
    if (!notification.threadId) return Promise.resolve(null);
    return readableThread(context, notification.threadId).then(
      (access) => access.thread,
      () => null,
    );
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() notification: Notification, @Ctx() context: Context): Promise<Post | null> {
    return notification.postId
      ? postLoader(context).load(notification.postId)
      : Promise.resolve(null);
  }
}
