import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  Factories,
  MemberRole,
  SpaceVisibility,
  type OrganisationWithMembers,
  type Someone,
} from '../../test/factories.js';
import { updateSpace } from '../spaces/index.js';
import {
  listNotifications,
  markNotificationsRead,
  notificationById,
  unreadNotificationCount,
} from './notifications.service.js';

const NOTIFICATIONS = `query { notifications(first: 10) { edges { node { id kind thread { id } actor { id } } } } unreadNotificationCount }`;

describe('notifications', () => {
  let server: TestServer;
  let make: Factories;
  let tenant: OrganisationWithMembers;
  let member: Someone;
  let outsider: Someone;

  beforeAll(async () => {
    server = await startTestServer();
    make = new Factories(server);
    tenant = await make.organisation({ roles: [MemberRole.MEMBER] });
    member = tenant.members[0]!;
    outsider = (await make.organisation()).owner;
  });
  afterAll(() => server?.stop());

  const mine = async (someone: Someone, unreadOnly = false) =>
    (await listNotifications(make.as(someone), { first: 50 }, unreadOnly)).edges.map(
      (edge) => edge.node,
    );

  it('a mention notifies only those who may read the space', async () => {
    const space = await make.space(tenant.owner, tenant.organisation.id);
    const before = await mine(outsider);
    const thread = await make.thread(tenant.owner, space.id, {
      body: `Could @${member.handle} and @${outsider.handle} look at this?`,
    });
    const received = await mine(member);
    expect(received[0]).toMatchObject({
      kind: 'MENTION',
      threadId: thread.id,
      actorId: tenant.owner.id,
      organisationId: tenant.organisation.id,
      spaceId: space.id,
      readAt: null,
    });
    // The outsider cannot read the organisation's space: the mention tells them nothing.
    expect(await mine(outsider)).toEqual(before);
    // Nobody is notified of their own mention.
    await make.thread(tenant.owner, space.id, { body: `Note to self, @${tenant.owner.handle}` });
    expect(await mine(tenant.owner)).toEqual([]);
  });

  it('counts unread, marks read (only one’s own), and lists unread only', async () => {
    const space = await make.space(tenant.owner, tenant.organisation.id);
    for (const title of ['One', 'Two', 'Three'])
      await make.thread(tenant.owner, space.id, { title, body: `@${member.handle}` });
    const unread = await mine(member, true);
    expect(unread.length).toBeGreaterThanOrEqual(3);
    expect(await unreadNotificationCount(make.as(member))).toBe(unread.length);

    // Someone else's ids mark nothing of theirs, and they cannot read them.
    const [first, second] = unread as [(typeof unread)[0], (typeof unread)[0]];
    await markNotificationsRead(make.as(tenant.owner), [first.id]);
    expect(await unreadNotificationCount(make.as(member))).toBe(unread.length);
    expect(await notificationById(make.as(tenant.owner), first.id)).toBeNull();

    // An empty list marks nothing; named ids mark those; no list marks all.
    expect(await markNotificationsRead(make.as(member), [])).toBe(unread.length);
    expect(await markNotificationsRead(make.as(member), [first.id, second.id])).toBe(
      unread.length - 2,
    );
    expect((await mine(member, true)).map((n) => n.id)).not.toContain(first.id);
    expect(await markNotificationsRead(make.as(member), undefined)).toBe(0);
    expect(await mine(member, true)).toEqual([]);
    expect((await mine(member)).length).toBeGreaterThanOrEqual(3);
  });

  it('signed-out callers are refused; a notification stops showing a thread its reader lost', async () => {
    await expect(unreadNotificationCount(make.context())).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const anonymous = await server.client().request(NOTIFICATIONS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A public space: signed-in outsiders read it, so a mention reaches them.
    const space = await make.space(tenant.owner, tenant.organisation.id, {
      visibility: SpaceVisibility.PUBLIC,
    });
    const thread = await make.thread(tenant.owner, space.id, { body: `@${outsider.handle}` });
    const seen = await make.client(outsider).ok(NOTIFICATIONS);
    expect(seen.notifications.edges[0].node).toMatchObject({
      kind: 'MENTION',
      thread: { id: thread.id },
      actor: { id: tenant.owner.id },
    });
    expect(seen.unreadNotificationCount).toBeGreaterThanOrEqual(1);

    // The space becomes the organisation's own: the notification stays, the thread does not show.
    await updateSpace(make.as(tenant.owner), {
      id: space.id,
      visibility: SpaceVisibility.ORGANISATION,
    });
    const after = await make.client(outsider).ok(NOTIFICATIONS);
    expect(after.notifications.edges[0].node).toMatchObject({ kind: 'MENTION', thread: null });
  });
});
