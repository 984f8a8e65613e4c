import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  startTestServer,
  statementsOf,
  type TestClient,
  type TestServer,
  until,
} from '../../test/harness.js';
import { webDocument } from '../../test/web-documents.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

let server: TestServer;
let owner: Person;
let member: Person;
let organisationId: string;
let spaceId: string;

interface Received {
  events: Array<Record<string, unknown>>;
  errors: unknown[];
  completed: boolean;
  stop: () => Promise<void>;
}

/** Subscribes over graphql-ws and records what arrives. */
async function listen(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<Received> {
  const ws = client.websocket();
  const received: Received = {
    events: [],
    errors: [],
    completed: false,
    stop: async () => {
      unsubscribe();
      await ws.dispose();
    },
  };
  const unsubscribe = ws.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) received.errors.push(...value.errors);
        if (value.data) received.events.push(value.data as Record<string, unknown>);
      },
      error: (error) => received.errors.push(error),
      complete: () => {
        received.completed = true;
      },
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 250)); // the subscription is registered
  return received;
}

/** A graphql-transport-ws socket spoken by hand, to see the frames exactly as sent. */
async function rawSocket(client: TestClient) {
  const ws = new WebSocket(client.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const frames: string[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if ((JSON.parse(text) as { type: string }).type === 'connection_ack') resolve();
      else frames.push(text);
    });
  });
  return {
    frames,
    subscribe: (id: string, query: string, variables: Record<string, unknown>) =>
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
    complete: (id: string) => ws.send(JSON.stringify({ id, type: 'complete' })),
    close: () => ws.close(),
  };
}

const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`;

const THREAD_ACTIVITY = `subscription($id: ID!) { threadActivity(threadId: $id) { kind postId post { id body } thread { id replyCount } } }`;

beforeAll(async () => {
  server = await startTestServer();
  owner = await person(server, 'Live Owner');
  member = await person(server, 'Live Member');
  organisationId = (await createOrganisation(owner, 'Live')).id;
  await addMember(server, owner, organisationId, member);
  spaceId = (
    await owner.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Live space" }) { space { id } } }`,
      {
        id: organisationId,
      },
    )
  ).createSpace.space.id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function thread(title: string) {
  return (
    await owner.client.ok(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      {
        input: { spaceId, title, body: 'Live' },
      },
    )
  ).createThread.thread.id as string;
}

describe('live discussions', () => {
  it('streams replies, reactions and hiding; a hidden post reaches members as an id only', async () => {
    const threadId = await thread('Streamed');
    const live = await listen(member.client, THREAD_ACTIVITY, { id: threadId });
    const moderatorLive = await listen(owner.client, THREAD_ACTIVITY, { id: threadId });
    try {
      const post = (
        await owner.client.ok(
          `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
          {
            input: { threadId, body: 'Hello, live world' },
          },
        )
      ).createPost.post;
      await until(() => live.events.length === 1, 'the reply');
      expect(live.events[0]!.threadActivity).toEqual({
        kind: 'POST_CREATED',
        postId: post.id,
        post: { id: post.id, body: 'Hello, live world' },
        thread: { id: threadId, replyCount: 1 },
      });

      await member.client.ok(
        `mutation($id: ID!) { toggleReaction(input: { postId: $id, reaction: THANKS }) { post { id } } }`,
        { id: post.id },
      );
      await until(() => live.events.length === 2, 'the reaction');
      expect((live.events[1]!.threadActivity as { kind: string }).kind).toBe('REACTIONS_CHANGED');

      await owner.client.ok(
        `mutation($id: ID!) { hidePost(input: { postId: $id }) { post { id } } }`,
        { id: post.id },
      );
      await until(
        () => live.events.length === 3 && moderatorLive.events.length === 3,
        'the hiding',
      );
      expect(live.events[2]!.threadActivity).toMatchObject({
        kind: 'POST_HIDDEN',
        postId: post.id,
        post: null,
      });
      expect(moderatorLive.events[2]!.threadActivity).toMatchObject({
        kind: 'POST_HIDDEN',
        post: { id: post.id },
      });
      expect(live.errors).toEqual([]);
    } finally {
      await live.stop();
      await moderatorLive.stop();
    }
  });

  it('stops delivering at once to a member who is removed from the organisation', async () => {
    const leaver = await person(server, 'Soon Removed');
    const membershipId = await addMember(server, owner, organisationId, leaver);
    const threadId = await thread('Private plans');
    const live = await listen(leaver.client, THREAD_ACTIVITY, { id: threadId });
    try {
      await owner.client.ok(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
        { input: { threadId, body: 'Before' } },
      );
      await until(() => live.events.length === 1, 'the first reply');
      await owner.client.ok(
        `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { removedMembershipId } }`,
        { id: membershipId },
      );
      await owner.client.ok(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
        {
          input: { threadId, body: 'After: secret' },
        },
      );
      await until(() => live.completed, 'the subscription to end');
      expect(live.events).toHaveLength(1);
      expect(JSON.stringify(live.events)).not.toContain('secret');
    } finally {
      await live.stop();
    }
  });

  it('tells every subscriber when an event cannot be delivered, instead of skipping it silently', async () => {
    const threadId = await thread('Interrupted');
    const live = await listen(member.client, THREAD_ACTIVITY, { id: threadId });
    const owners = new pg.Client({ connectionString: server.db.ownerUrl });
    await owners.connect();
    try {
      // The readers check fails for the next event (as when the database goes away).
      await owners.query(
        'revoke execute on function alany.thread_readers(uuid, uuid[]) from alany_app',
      );
      await owner.client.ok(CREATE_POST, { input: { threadId, body: 'Lost?' } });
      await until(() => live.errors.length > 0, 'the error');
      expect(String((live.errors[0] as Error).message ?? JSON.stringify(live.errors[0]))).toMatch(
        /interrupted/,
      );
      expect(live.events).toHaveLength(0);
    } finally {
      await owners.query(
        'grant execute on function alany.thread_readers(uuid, uuid[]) to alany_app',
      );
      await owners.end();
      await live.stop();
    }
  });

  it('streams new threads in a space, and mentions to the person mentioned', async () => {
    const spaceLive = await listen(
      member.client,
      `subscription($id: ID!) { spaceActivity(spaceId: $id) { kind thread { id title } } }`,
      {
        id: spaceId,
      },
    );
    const bell = await listen(
      member.client,
      `subscription { notificationAdded { kind thread { id } actor { id } } }`,
      {},
    );
    try {
      const handle = (await member.client.ok(`query { viewer { handle } }`)).viewer.handle;
      const created = (
        await owner.client.ok(
          `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
          {
            input: { spaceId, title: 'New topic', body: `What do you think, @${handle}?` },
          },
        )
      ).createThread.thread.id;
      await until(
        () => spaceLive.events.length >= 1 && bell.events.length === 1,
        'space and bell events',
      );
      expect(spaceLive.events[0]!.spaceActivity).toEqual({
        kind: 'THREAD_CREATED',
        thread: { id: created, title: 'New topic' },
      });
      expect(bell.events[0]!.notificationAdded).toEqual({
        kind: 'MENTION',
        thread: { id: created },
        actor: { id: owner.id },
      });
    } finally {
      await spaceLive.stop();
      await bell.stop();
    }
  });

  it('sends two subscriptions on one socket the same answer, each under its own id', async () => {
    const threadId = await thread('Two ids');
    const socket = await rawSocket(member.client);
    try {
      socket.subscribe('first', THREAD_ACTIVITY, { id: threadId });
      socket.subscribe('second', THREAD_ACTIVITY, { id: threadId });
      await new Promise((resolve) => setTimeout(resolve, 250));
      await owner.client.ok(CREATE_POST, { input: { threadId, body: 'For both' } });
      await until(() => socket.frames.length === 2, 'both frames');
      const frames = socket.frames.map(
        (f) => JSON.parse(f) as { id: string; type: string; payload: unknown },
      );
      expect(frames.map((f) => f.id).sort()).toEqual(['first', 'second']);
      expect(frames.every((f) => f.type === 'next')).toBe(true);
      expect(frames[0]!.payload).toEqual(frames[1]!.payload);
      expect(JSON.stringify(frames[0]!.payload)).toContain('For both');

      // The client completes one of them: only the other goes on receiving.
      socket.complete('first');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await owner.client.ok(CREATE_POST, { input: { threadId, body: 'Second only' } });
      // A marker posted after it: once it reached the second, anything for the first would have.
      await owner.client.ok(CREATE_POST, { input: { threadId, body: 'Marker' } });
      await until(() => socket.frames.some((f) => f.includes('Marker')), 'the marker');
      const later = socket.frames.slice(2).map((f) => JSON.parse(f) as { id: string });
      expect(later.map((f) => f.id)).toEqual(['second', 'second']);
      expect(socket.frames[2]).toContain('Second only');
    } finally {
      socket.close();
    }
  });

  it('gives a subscriber who reacted its own answer, and others theirs', async () => {
    const threadId = await thread('Reactions seen');
    const query = `subscription($id: ID!) { threadActivity(threadId: $id) { kind post { id reactions { reaction count viewerReacted } } } }`;
    const reacting = await listen(member.client, query, { id: threadId });
    const watching = await listen(owner.client, query, { id: threadId });
    try {
      const post = (await owner.client.ok(CREATE_POST, { input: { threadId, body: 'React' } }))
        .createPost.post;
      await member.client.ok(
        `mutation($id: ID!) { toggleReaction(input: { postId: $id, reaction: THANKS }) { post { id } } }`,
        { id: post.id },
      );
      await until(
        () => reacting.events.length === 2 && watching.events.length === 2,
        'the reaction',
      );
      const thanks = (received: Received) =>
        (
          received.events[1]!.threadActivity as {
            post: { reactions: Array<{ reaction: string; count: number; viewerReacted: boolean }> };
          }
        ).post.reactions.find((r) => r.reaction === 'THANKS');
      expect(thanks(reacting)).toEqual({ reaction: 'THANKS', count: 1, viewerReacted: true });
      expect(thanks(watching)).toEqual({ reaction: 'THANKS', count: 1, viewerReacted: false });
    } finally {
      await reacting.stop();
      await watching.stop();
    }
  });

  it('costs the same statements per live post for one subscriber as for several', async () => {
    const threadId = await thread('Counted');
    const others = [];
    for (let i = 0; i < 3; i += 1) {
      const other = await person(server, `Counted ${i}`);
      await addMember(server, owner, organisationId, other);
      others.push(other);
    }
    const knex = server.alany.orm.em.getConnection().getKnex();
    const count = async (listeners: Received[], body: string) => {
      let statements = 0;
      const listener = () => (statements += 1);
      knex.on('query', listener);
      try {
        await owner.client.ok(CREATE_POST, { input: { threadId, body } });
        await until(
          () => listeners.every((l) => l.events.some((e) => JSON.stringify(e).includes(body))),
          body,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        knex.removeListener('query', listener);
      }
      return statements;
    };
    const one = [await listen(member.client, THREAD_ACTIVITY, { id: threadId })];
    try {
      await count(one, 'Warm');
      const alone = await count(one, 'One listener');
      for (const other of others)
        one.push(await listen(other.client, THREAD_ACTIVITY, { id: threadId }));
      const together = await count(one, 'Four listeners');
      expect(together).toBe(alone);
      // createPost itself, then for every subscriber at once: the readers, and the thread, the
      // post with its author and reactions, and the space, side by side (4 short transactions).
      expect(alone).toBeLessThanOrEqual(26);
    } finally {
      for (const l of one) await l.stop();
    }
  });

  it("answers the web client's own subscription for all its subscribers at once, replies and revisions included", async () => {
    const threadId = await thread('As the web client sees it');
    const query = webDocument('ThreadActivity');
    const people: Person[] = [];
    for (let i = 0; i < 3; i += 1) {
      const other = await person(server, `Web ${i}`);
      await addMember(server, owner, organisationId, other);
      people.push(other);
    }
    const [writer, replier, reader] = people as [Person, Person, Person];
    // The writer's post, hidden by a moderator, is what the next reply answers.
    const answered = (
      await writer.client.ok(CREATE_POST, { input: { threadId, body: 'Rude *words*' } })
    ).createPost.post;
    await owner.client.ok(
      `mutation($id: ID!) { hidePost(input: { postId: $id, reason: "Rude" }) { post { id } } }`,
      { id: answered.id },
    );
    const listeners = [
      await listen(writer.client, query, { threadId }),
      await listen(reader.client, query, { threadId }),
      await listen(owner.client, query, { threadId }),
    ];
    try {
      const statements = await statementsOf(server.alany.orm, async () => {
        await replier.client.ok(CREATE_POST, {
          input: { threadId, body: 'A calm answer', replyToPostId: answered.id },
        });
        await until(() => listeners.every((l) => l.events.length === 1), 'the reply');
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      const post = (l: Received) =>
        (l.events[0]!.threadActivity as { post: Record<string, any> }).post; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
      for (const l of listeners) {
        expect(l.errors).toEqual([]);
        expect(post(l)).toMatchObject({
          body: 'A calm answer',
          bodyHtml: '<p>A calm answer</p>\n',
          replyTo: { id: answered.id, deletedAt: null, author: { displayName: 'Web 0' } },
        });
      }
      const [forWriter, forReader, forModerator] = listeners.map(post);
      // The hidden text answered: its author and moderators see it, nobody else.
      expect(forWriter!.replyTo.bodyHtml).toBe('<p>Rude <em>words</em></p>\n');
      expect(forReader!.replyTo.bodyHtml).toBeNull();
      expect(forModerator!.replyTo.bodyHtml).toBe('<p>Rude <em>words</em></p>\n');
      // Revisions are the moderators' only.
      expect(forReader!.revisions).toBeNull();
      expect(forModerator!.revisions).toEqual([]);
      // Executed once per class of subscriber: the one moderator class reads the revisions once.
      const revisionReads = statements.filter((sql) => /from "post_revision"/.test(sql));
      expect(revisionReads).toHaveLength(1);
      // The post answered comes with the live post's rows: read by createPost's own check of it,
      // and by no subscriber.
      expect(statements.filter((sql) => /from "post" as "p0"/.test(sql))).toHaveLength(1);
    } finally {
      for (const l of listeners) await l.stop();
    }
  });

  it('shows nobody in a shared answer the hidden post another subscriber wrote, however deep the document', async () => {
    const threadId = await thread('Deep replies');
    const [writer, reader, replier] = [
      await person(server, 'Deep Writer'),
      await person(server, 'Deep Reader'),
      await person(server, 'Deep Replier'),
    ];
    for (const p of [writer, reader, replier]) await addMember(server, owner, organisationId, p);
    // The writer's post, hidden by a moderator; a reply to it; then a reply to that reply.
    const grandparent = (
      await writer.client.ok(CREATE_POST, { input: { threadId, body: 'Hidden words' } })
    ).createPost.post;
    await owner.client.ok(
      `mutation($id: ID!) { hidePost(input: { postId: $id, reason: "Rude" }) { post { id } } }`,
      { id: grandparent.id },
    );
    const parent = (
      await replier.client.ok(CREATE_POST, {
        input: { threadId, body: 'An answer', replyToPostId: grandparent.id },
      })
    ).createPost.post;
    const query = `subscription($id: ID!) { threadActivity(threadId: $id) { post { id replyTo { id replyTo { id body bodyHtml } } } } }`;
    // The writer subscribes first: the one whose context a shared answer was executed with.
    const listeners = [
      await listen(writer.client, query, { id: threadId }),
      await listen(reader.client, query, { id: threadId }),
      await listen(owner.client, query, { id: threadId }),
    ];
    try {
      await replier.client.ok(CREATE_POST, {
        input: { threadId, body: 'And another', replyToPostId: parent.id },
      });
      await until(() => listeners.every((l) => l.events.length === 1), 'the reply');
      const deepest = (l: Received) =>
        (
          l.events[0]!.threadActivity as {
            post: { replyTo: { replyTo: { id: string; body: string | null } } };
          }
        ).post.replyTo.replyTo;
      const [, forReader, forModerator] = listeners;
      for (const l of listeners) expect(l.errors).toEqual([]);
      expect(deepest(forReader!)).toEqual({ id: grandparent.id, body: null, bodyHtml: null });
      expect(deepest(forModerator!)).toMatchObject({ id: grandparent.id, body: 'Hidden words' });
    } finally {
      for (const l of listeners) await l.stop();
    }
  });

  it('refuses to subscribe to a thread the viewer cannot read, and anonymous sockets to the bell', async () => {
    const stranger = await person(server, 'Live Stranger');
    const threadId = await thread('Closed');
    const denied = await listen(stranger.client, THREAD_ACTIVITY, { id: threadId });
    await until(() => denied.errors.length > 0, 'the refusal');
    expect(JSON.stringify(denied.errors)).toMatch(/NOT_FOUND/);
    await denied.stop();
    const anonymous = await listen(
      server.client(),
      `subscription { notificationAdded { id } }`,
      {},
    );
    await until(() => anonymous.errors.length > 0, 'the refusal');
    expect(JSON.stringify(anonymous.errors)).toMatch(/UNAUTHENTICATED/);
    await anonymous.stop();
  });
});
