import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  statementsOf,
  type TestClient,
  type TestServer,
  code,
  reasons,
} from '../../test/harness.js';
import { webQueries } from '../../test/web-documents.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

let server: TestServer;
let owner: Person; // OWNER (and so moderator) of the organisation
let member: Person; // MEMBER
let partner: Person; // member of an organisation the space is shared with
let outsider: Person; // member of an unrelated organisation
let organisationId: string;
let spaceId: string;

const handleOf = async (p: Person) =>
  (await p.client.ok(`query { viewer { handle } }`)).viewer.handle as string;

const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id title tags bodyHtml viewerCan { reply update delete moderate } } } }`;
const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id body bodyHtml replyTo { id } } } }`;
const THREAD_PAGE = `query($id: ID!, $first: Int) {
  thread(id: $id) { id title replyCount unreadCount reactions { reaction count }
    posts(first: $first) { edges { node { id body author { displayName handle } reactions { reaction count viewerReacted } viewerCan { edit delete react moderate } } } pageInfo { hasNextPage endCursor } } } }`;

async function newThread(
  client: TestClient,
  title: string,
  body = 'Opening text',
  tags: string[] = [],
) {
  return (await client.ok(CREATE_THREAD, { input: { spaceId, title, body, tags } })).createThread
    .thread as { id: string };
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await person(server, 'Gulnara Moderator');
  member = await person(server, 'Timur Member');
  partner = await person(server, 'Partner Person');
  outsider = await person(server, 'Outside Person');
  organisationId = (await createOrganisation(owner, 'Discuss')).id;
  await addMember(server, owner, organisationId, member);
  const partnerOrganisation = await createOrganisation(partner, 'DiscussPartner');
  await createOrganisation(outsider, 'DiscussOutside');
  spaceId = (
    await owner.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Peer learning" }) { space { id } } }`,
      {
        id: organisationId,
      },
    )
  ).createSpace.space.id;
  await owner.client.ok(
    `mutation($s: ID!, $o: ID!) { shareSpace(input: { spaceId: $s, organisationId: $o }) { space { id } } }`,
    {
      s: spaceId,
      o: partnerOrganisation.id,
    },
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('threads', () => {
  it('creates, lists in three orders with pinned first, filters by tag and author', async () => {
    const first = await newThread(member.client, 'Procurement red flags', 'Text', [
      'Procurement',
      'procurement',
      'audit',
    ]);
    const second = await newThread(owner.client, 'Asset declarations', 'Text', ['declarations']);
    const third = await newThread(partner.client, 'Whistleblower channels');
    await member.client.ok(CREATE_POST, { input: { threadId: second.id, body: 'One' } });
    await member.client.ok(CREATE_POST, { input: { threadId: second.id, body: 'Two' } });
    await member.client.ok(CREATE_POST, { input: { threadId: third.id, body: 'One' } });
    await owner.client.ok(
      `mutation($id: ID!) { pinThread(input: { id: $id, value: true }) { thread { pinned } } }`,
      { id: first.id },
    );

    const list = async (orderBy: string, filter?: Record<string, unknown>) =>
      (
        await member.client.ok(
          `query($s: ID!, $o: ThreadOrder, $f: ThreadFilter) { threads(spaceId: $s, orderBy: $o, filter: $f, first: 50) { edges { node { id tags } } } }`,
          {
            s: spaceId,
            o: orderBy,
            f: filter,
          },
        )
      ).threads.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    const mine = (ids: string[]) =>
      ids.filter((id) => [first.id, second.id, third.id].includes(id));
    expect(mine(await list('LAST_ACTIVITY'))).toEqual([first.id, third.id, second.id]);
    expect(mine(await list('NEWEST'))).toEqual([first.id, third.id, second.id]);
    expect(mine(await list('MOST_REPLIES'))).toEqual([first.id, second.id, third.id]);
    expect(await list('NEWEST', { tag: 'PROCUREMENT' })).toEqual([first.id]);
    expect(mine(await list('NEWEST', { authorId: partner.id }))).toEqual([third.id]);
    const tags = (
      await member.client.ok(`query($id: ID!) { thread(id: $id) { tags } }`, { id: first.id })
    ).thread.tags;
    expect(tags).toEqual(['procurement', 'audit']);
  });

  it('pages threads with cursors', async () => {
    for (let i = 0; i < 3; i += 1) await newThread(member.client, `Paged ${i}`);
    const page1 = await member.client.ok(
      `query($s: ID!) { threads(spaceId: $s, first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { s: spaceId },
    );
    const page2 = await member.client.ok(
      `query($s: ID!, $a: String) { threads(spaceId: $s, first: 2, after: $a) { edges { node { id } } } }`,
      {
        s: spaceId,
        a: page1.threads.pageInfo.endCursor,
      },
    );
    const ids = [...page1.threads.edges, ...page2.threads.edges].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(new Set(ids).size).toBe(4);
    expect(
      code(
        await member.client.request(
          `query($s: ID!) { threads(spaceId: $s, after: "bogus") { edges { cursor } } }`,
          { s: spaceId },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses bad input without writing anything', async () => {
    const bad = async (input: Record<string, unknown>) =>
      member.client.request(CREATE_THREAD, { input: { spaceId, title: 'T', body: 'B', ...input } });
    expect(reasons(await bad({ title: '' }))).toContain('title:INVALID_LENGTH');
    expect(reasons(await bad({ title: 'x'.repeat(201) }))).toContain('title:INVALID_LENGTH');
    expect(reasons(await bad({ body: 'x'.repeat(20_001) }))).toContain('body:TOO_LONG');
    expect(reasons(await bad({ tags: ['<script>'] }))).toContain('tags:INVALID_FORMAT');
    expect(code(await bad({ spaceId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    // A PUBLIC space is read-only for outsiders.
    const publicSpace = (
      await owner.client.ok(
        `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Open", visibility: PUBLIC }) { space { id } } }`,
        {
          id: organisationId,
        },
      )
    ).createSpace.space.id;
    expect(
      code(
        await outsider.client.request(CREATE_THREAD, {
          input: { spaceId: publicSpace, title: 'Hi', body: '' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await outsider.client.request(CREATE_THREAD, { input: { spaceId, title: 'Hi', body: '' } }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lets the author edit, moderators pin, lock and delete; authors delete only within an hour', async () => {
    const thread = await newThread(member.client, 'Editable');
    await member.client.ok(
      `mutation($id: ID!) { updateThread(input: { id: $id, title: "Edited title" }) { thread { title } } }`,
      { id: thread.id },
    );
    expect(
      code(
        await partner.client.request(
          `mutation($id: ID!) { updateThread(input: { id: $id, title: "Not yours" }) { thread { id } } }`,
          { id: thread.id },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await member.client.request(
          `mutation($id: ID!) { pinThread(input: { id: $id, value: true }) { thread { id } } }`,
          { id: thread.id },
        ),
      ),
    ).toBe('FORBIDDEN');

    await owner.client.ok(
      `mutation($id: ID!) { lockThread(input: { id: $id, value: true }) { thread { locked } } }`,
      { id: thread.id },
    );
    expect(
      reasons(
        await partner.client.request(CREATE_POST, {
          input: { threadId: thread.id, body: 'Too late' },
        }),
      ),
    ).toContain('threadId:THREAD_LOCKED');

    const old = await newThread(member.client, 'Old thread');
    const owned = new pg.Client({ connectionString: server.db.ownerUrl });
    await owned.connect();
    await owned.query(`update thread set created_at = now() - interval '2 hours' where id = $1`, [
      old.id,
    ]);
    await owned.end();
    expect(
      code(
        await member.client.request(
          `mutation($id: ID!) { deleteThread(input: { id: $id }) { deletedId } }`,
          { id: old.id },
        ),
      ),
    ).toBe('FORBIDDEN');
    await member.client.ok(
      `mutation($id: ID!) { deleteThread(input: { id: $id }) { deletedId } }`,
      { id: thread.id },
    );
    await owner.client.ok(`mutation($id: ID!) { deleteThread(input: { id: $id }) { deletedId } }`, {
      id: old.id,
    });
    expect(
      (await member.client.ok(`query($id: ID!) { thread(id: $id) { id } }`, { id: old.id })).thread,
    ).toBeNull();
  });
});

describe('posts, Markdown and reactions', () => {
  it('renders Markdown safely: no raw HTML, safe links only, rel=nofollow noopener', async () => {
    const thread = await newThread(member.client, 'Markdown');
    const body = [
      '**bold** <script>alert(1)</script> <img src=x onerror=alert(2)>',
      '[site](https://example.kz) [bad](javascript:alert(3)) ![pic](https://example.kz/p.png)',
    ].join('\n\n');
    const post = (await member.client.ok(CREATE_POST, { input: { threadId: thread.id, body } }))
      .createPost.post;
    expect(post.bodyHtml).toContain('<strong>bold</strong>');
    expect(post.bodyHtml).not.toMatch(/<script|<img|<[^>]*onerror|href="javascript/i);
    expect(post.bodyHtml).toContain('&lt;script&gt;');
    expect(post.bodyHtml).toContain(
      '<a href="https://example.kz" rel="nofollow noopener noreferrer" target="_blank">site</a>',
    );
    expect(post.body).toBe(body);
  });

  it('keeps replies flat and ordered, replying only within the thread', async () => {
    const thread = await newThread(member.client, 'Flat');
    const other = await newThread(member.client, 'Elsewhere');
    const first = (
      await member.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'First' } })
    ).createPost.post;
    const reply = (
      await partner.client.ok(CREATE_POST, {
        input: { threadId: thread.id, body: 'Re', replyToPostId: first.id },
      })
    ).createPost.post;
    expect(reply.replyTo.id).toBe(first.id);
    const foreign = (
      await member.client.ok(CREATE_POST, { input: { threadId: other.id, body: 'There' } })
    ).createPost.post;
    expect(
      reasons(
        await member.client.request(CREATE_POST, {
          input: { threadId: thread.id, body: 'x', replyToPostId: foreign.id },
        }),
      ),
    ).toContain('replyToPostId:NOT_IN_THREAD');
    expect(
      reasons(
        await member.client.request(CREATE_POST, { input: { threadId: thread.id, body: '' } }),
      ),
    ).toContain('body:INVALID_LENGTH');
    const page = await member.client.ok(THREAD_PAGE, { id: thread.id, first: 10 });
    expect(page.thread.posts.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      'First',
      'Re',
    ]);
    expect(page.thread.replyCount).toBe(2);
  });

  it('edits keep a history for moderators; deletes keep the place but drop the text', async () => {
    const thread = await newThread(member.client, 'History');
    const post = (
      await member.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'Version one' } })
    ).createPost.post;
    await member.client.ok(
      `mutation($id: ID!) { editPost(input: { id: $id, body: "Version two" }) { post { body } } }`,
      { id: post.id },
    );
    expect(
      code(
        await partner.client.request(
          `mutation($id: ID!) { editPost(input: { id: $id, body: "Hijack" }) { post { id } } }`,
          { id: post.id },
        ),
      ),
    ).toBe('FORBIDDEN');
    const revisions = `query($id: ID!) { thread(id: $id) { posts { edges { node { body editedAt revisions { body } } } } } }`;
    const asModerator = (await owner.client.ok(revisions, { id: thread.id })).thread.posts.edges[0]
      .node;
    expect(asModerator.body).toBe('Version two');
    expect(asModerator.revisions).toEqual([{ body: 'Version one' }]);
    expect(
      (await partner.client.ok(revisions, { id: thread.id })).thread.posts.edges[0].node.revisions,
    ).toBeNull();

    await member.client.ok(
      `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { deletedAt } } }`,
      { id: post.id },
    );
    const after = (await partner.client.ok(THREAD_PAGE, { id: thread.id })).thread.posts.edges;
    expect(after).toHaveLength(1);
    expect(after[0].node.body).toBeNull();
    expect(after[0].node.viewerCan).toMatchObject({ edit: false, delete: false, react: false });
  });

  it('counts reactions per kind with the viewer flag, toggling on and off', async () => {
    const thread = await newThread(member.client, 'Reactions');
    const post = (
      await member.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'React to me' } })
    ).createPost.post;
    const toggle = (client: TestClient, reaction: string) =>
      client.ok(
        `mutation($id: ID!, $r: ReactionKind!) { toggleReaction(input: { postId: $id, reaction: $r }) { post { reactions { reaction count viewerReacted } } } }`,
        {
          id: post.id,
          r: reaction,
        },
      );
    await toggle(member.client, 'THANKS');
    await toggle(partner.client, 'THANKS');
    const mine = (await toggle(owner.client, 'INSIGHTFUL')).toggleReaction.post.reactions;
    expect(mine.find((r: { reaction: string }) => r.reaction === 'THANKS')).toEqual({
      reaction: 'THANKS',
      count: 2,
      viewerReacted: false,
    });
    expect(mine.find((r: { reaction: string }) => r.reaction === 'INSIGHTFUL')).toEqual({
      reaction: 'INSIGHTFUL',
      count: 1,
      viewerReacted: true,
    });
    const undone = (await toggle(partner.client, 'THANKS')).toggleReaction.post.reactions;
    expect(undone.find((r: { reaction: string }) => r.reaction === 'THANKS')).toEqual({
      reaction: 'THANKS',
      count: 1,
      viewerReacted: false,
    });
    // The thread page reads the counts with its posts (one statement): the same answer, each
    // viewer with its own flag.
    for (const [client, mineToo] of [
      [owner.client, true],
      [member.client, false],
    ] as const) {
      const page = await client.ok(THREAD_PAGE, { id: thread.id, first: 10 });
      expect(page.thread.posts.edges[0].node.reactions).toEqual(
        undone.map((r: { reaction: string; viewerReacted: boolean }) => ({
          ...r,
          viewerReacted:
            r.reaction === 'INSIGHTFUL' ? mineToo : r.reaction === 'THANKS' && !mineToo,
        })),
      );
    }
    const unknown = await member.client.request(
      `mutation($id: ID!, $r: ReactionKind!) { toggleReaction(input: { postId: $id, reaction: $r }) { post { id } } }`,
      { id: post.id, r: 'ANGRY' },
    );
    expect(code(unknown)).toBe('BAD_USER_INPUT');
  });
});

describe('mentions, notifications and unread counts', () => {
  it('notifies mentioned readers, never someone who cannot read the space', async () => {
    const thread = await newThread(member.client, 'Mentions');
    const before = (await partner.client.ok(`query { unreadNotificationCount }`))
      .unreadNotificationCount;
    await member.client.ok(CREATE_POST, {
      input: {
        threadId: thread.id,
        body: `Thoughts, @${await handleOf(partner)} and @${await handleOf(outsider)}? (mail: x@${await handleOf(owner)}.kz)`,
      },
    });
    expect(
      (await partner.client.ok(`query { unreadNotificationCount }`)).unreadNotificationCount,
    ).toBe(before + 1);
    const outsiderNotes = await outsider.client.ok(
      `query { notifications { edges { node { id } } } }`,
    );
    expect(outsiderNotes.notifications.edges).toEqual([]);
    const ownerNotes = await owner.client.ok(
      `query { notifications { edges { node { threadId } } } }`,
    );
    expect(
      ownerNotes.notifications.edges.map((e: { node: { threadId: string } }) => e.node.threadId),
    ).not.toContain(thread.id);

    const notes = await partner.client.ok(
      `query { notifications(unreadOnly: true) { edges { node { id kind actor { id } thread { id } } } } }`,
    );
    expect(notes.notifications.edges[0].node).toMatchObject({
      kind: 'MENTION',
      actor: { id: member.id },
      thread: { id: thread.id },
    });
    const left = await partner.client.ok(
      `mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) { unreadCount } }`,
      {
        ids: [notes.notifications.edges[0].node.id],
      },
    );
    expect(left.markNotificationsRead.unreadCount).toBe(before);
  });

  it('counts unread replies per viewer until the thread is marked read', async () => {
    const thread = await newThread(member.client, 'Unread');
    await partner.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'One' } });
    await partner.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'Two' } });
    expect((await member.client.ok(THREAD_PAGE, { id: thread.id })).thread.unreadCount).toBe(2);
    expect((await partner.client.ok(THREAD_PAGE, { id: thread.id })).thread.unreadCount).toBe(0);
    await member.client.ok(
      `mutation($id: ID!) { markThreadRead(input: { id: $id }) { thread { unreadCount } } }`,
      { id: thread.id },
    );
    expect((await member.client.ok(THREAD_PAGE, { id: thread.id })).thread.unreadCount).toBe(0);
    await partner.client.ok(CREATE_POST, { input: { threadId: thread.id, body: 'Three' } });
    expect((await member.client.ok(THREAD_PAGE, { id: thread.id })).thread.unreadCount).toBe(1);
  });
});

describe('moderation', () => {
  it('flags go to the queue; hidden posts disappear for others at once; every action is audited', async () => {
    const thread = await newThread(member.client, 'Moderated');
    const post = (
      await partner.client.ok(CREATE_POST, {
        input: { threadId: thread.id, body: 'Offensive words' },
      })
    ).createPost.post;
    await member.client.ok(
      `mutation($id: ID!) { flagPost(input: { postId: $id, reason: "Insults" }) { flag { id } } }`,
      { id: post.id },
    );
    expect(
      reasons(
        await member.client.request(
          `mutation($id: ID!) { flagPost(input: { postId: $id, reason: "" }) { flag { id } } }`,
          { id: post.id },
        ),
      ),
    ).toContain('reason:INVALID_LENGTH');
    expect(
      code(
        await member.client.request(
          `query($id: ID!) { moderationQueue(organisationId: $id) { edges { node { id } } } }`,
          { id: organisationId },
        ),
      ),
    ).toBe('FORBIDDEN');
    const queue = await owner.client.ok(
      `query($id: ID!) { moderationQueue(organisationId: $id) { edges { node { reason post { id } flaggedBy { id } } } } }`,
      {
        id: organisationId,
      },
    );
    expect(queue.moderationQueue.edges).toContainEqual({
      node: { reason: 'Insults', post: { id: post.id }, flaggedBy: { id: member.id } },
    });

    expect(
      code(
        await member.client.request(
          `mutation($id: ID!) { hidePost(input: { postId: $id }) { post { id } } }`,
          { id: post.id },
        ),
      ),
    ).toBe('FORBIDDEN');
    await owner.client.ok(
      `mutation($id: ID!) { hidePost(input: { postId: $id, reason: "Insults" }) { post { hiddenAt } } }`,
      { id: post.id },
    );
    const forMember = (await member.client.ok(THREAD_PAGE, { id: thread.id })).thread.posts.edges;
    expect(forMember).toEqual([]);
    const forModerator = (await owner.client.ok(THREAD_PAGE, { id: thread.id })).thread.posts.edges;
    expect(forModerator[0].node.body).toBe('Offensive words');
    const queueAfter = await owner.client.ok(
      `query($id: ID!) { moderationQueue(organisationId: $id) { edges { node { post { id } } } } }`,
      { id: organisationId },
    );
    expect(
      queueAfter.moderationQueue.edges.map(
        (e: { node: { post: { id: string } } }) => e.node.post.id,
      ),
    ).not.toContain(post.id);

    await owner.client.ok(
      `mutation($id: ID!) { restorePost(input: { postId: $id }) { post { hiddenAt } } }`,
      { id: post.id },
    );
    expect(
      (await member.client.ok(THREAD_PAGE, { id: thread.id })).thread.posts.edges,
    ).toHaveLength(1);
    const audit = await owner.client.ok(
      `query($id: ID!) { auditEvents(organisationId: $id, first: 100) { edges { node { action targetId } } } }`,
      { id: organisationId },
    );
    const actions = audit.auditEvents.edges
      .filter((e: { node: { targetId: string } }) => e.node.targetId === post.id)
      .map((e: { node: { action: string } }) => e.node.action);
    expect(actions.sort()).toEqual(['post.hidden', 'post.restored']);
  });
});

describe('search', () => {
  it('finds threads and posts in Russian, English and Kazakh, ranked, with safe highlighted snippets', async () => {
    const ru = await newThread(
      member.client,
      'Коррупционные риски в закупках',
      'Обсуждаем государственные закупки и проверки.',
    );
    const en = await newThread(
      member.client,
      'Conflicts of interest',
      'Declaring conflicts when procuring services.',
    );
    const kk = await newThread(
      member.client,
      'Сыбайлас жемқорлыққа қарсы',
      'Ашықтық пен есеп беру туралы <b>талқылау</b>.',
    );
    await partner.client.ok(CREATE_POST, {
      input: { threadId: en.id, body: 'Our audit of conflicting interests found three cases.' },
    });
    const search = async (client: TestClient, query: string, filter?: Record<string, unknown>) =>
      (
        await client.ok(
          `query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f) { edges { node { kind thread { id } post { id } snippetHtml rank } } } }`,
          { q: query, f: filter },
        )
      ).search.edges.map((e: { node: unknown }) => e.node) as Array<{
        kind: string;
        thread: { id: string };
        post: { id: string } | null;
        snippetHtml: string;
        rank: number;
      }>;

    const russian = await search(member.client, 'закупка');
    expect(russian[0]?.thread.id).toBe(ru.id);
    expect(russian[0]?.snippetHtml).toMatch(/<mark>закупках<\/mark>|<mark>закупки<\/mark>/);
    const english = await search(member.client, 'conflict');
    expect(english.map((h) => h.thread.id)).toContain(en.id);
    expect(english.some((h) => h.kind === 'POST')).toBe(true);
    expect(english[0]!.rank).toBeGreaterThanOrEqual(english.at(-1)!.rank);
    const kazakh = await search(member.client, 'талқылау');
    expect(kazakh[0]?.thread.id).toBe(kk.id);
    expect(kazakh[0]?.snippetHtml).toContain('<mark>талқылау</mark>');
    // Nothing but the <mark> tags survives as markup.
    for (const hit of [...russian, ...english, ...kazakh])
      expect(hit.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(
      (await search(member.client, 'conflict', { kind: 'POST' })).every((h) => h.kind === 'POST'),
    ).toBe(true);
    expect(await search(outsider.client, 'закупка')).toEqual([]);
    expect(
      code(await member.client.request(`query { search(query: "") { edges { cursor } } }`)),
    ).toBe('BAD_USER_INPUT');
  });

  it('pages at most 1 000 results deep: a cursor further on is refused before any search', async () => {
    const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
    const SEARCH = `query($after: String) { search(query: "закупка", first: 50, after: $after) {
      edges { cursor } pageInfo { hasNextPage } } }`;
    const far = await member.client.request(SEARCH, { after: cursor(10_000_000) });
    expect(code(far)).toBe('BAD_USER_INPUT');
    expect(reasons(far)).toEqual(['after:TOO_FAR']);
    expect(reasons(await member.client.request(SEARCH, { after: cursor(1001) }))).toEqual([
      'after:TOO_FAR',
    ]);
    // The last offset within reach still answers.
    const last = await member.client.ok(SEARCH, { after: cursor(1000) });
    expect(last.search.edges).toEqual([]);
  });

  it('finds Kazakh and Russian word forms other than the ones written, thread tags, and ё as е', async () => {
    const search = async (query: string) =>
      (
        await member.client.ok(
          `query($q: String!) { search(query: $q, filter: { kind: THREAD }) { edges { node { thread { id } snippetHtml } } } }`,
          { q: query },
        )
      ).search.edges.map(
        (e: { node: { thread: { id: string }; snippetHtml: string } }) => e.node,
      ) as Array<{ thread: { id: string }; snippetHtml: string }>;
    const ids = async (query: string) => (await search(query)).map((hit) => hit.thread.id);
    // A writer of its own, so that the other tests' authors stay under the posting rate limit.
    const writer = await person(server, 'Search Writer');
    await addMember(server, owner, organisationId, writer);
    const risks = await newThread(
      writer.client,
      'Мектептердегі сыбайлас жемқорлық тәуекелдері',
      'Тексеру нәтижелері.',
    );
    const complaints = await newThread(writer.client, 'Азаматтардың шағымдары', 'Тізім.');
    const meals = await newThread(writer.client, 'Проверка закупок школьного питания', 'Отчёт.');
    const land = await newThread(writer.client, 'Земельный участок у реки', 'Аренда.');
    const tagged = await newThread(writer.client, 'Отчёт за квартал', 'Цифры.', ['закупки']);

    for (const query of ['мектеп', 'тәуекел', 'Мектеп тәуекелі'])
      expect(await ids(query), query).toContain(risks.id);
    for (const query of ['азамат', 'шағым', 'шағымдар'])
      expect(await ids(query), query).toContain(complaints.id);
    for (const query of ['закупки', 'закупка']) expect(await ids(query), query).toContain(meals.id);
    expect(await ids('земельных участков')).toContain(land.id);
    expect(await ids('#закупки')).toContain(tagged.id);
    expect(await ids('закупок')).toContain(tagged.id);
    expect(await ids('отчет')).toEqual(expect.arrayContaining([meals.id, tagged.id]));
    // The tag and the title weigh more than the body: the tagged thread comes before a thread
    // that only mentions the word in its text.
    const mention = await newThread(writer.client, 'Квартальные цифры', 'Мы обсудили закупки.');
    const order = await ids('закупки');
    expect(order.indexOf(tagged.id)).toBeLessThan(order.indexOf(mention.id));
    expect(order.indexOf(meals.id)).toBeLessThan(order.indexOf(mention.id));
    // The snippet marks the form written, found through its stem.
    const [hit] = await search('мектеп');
    expect(hit?.snippetHtml).toContain('<mark>Мектептердегі</mark>');
    expect(await ids('мектепке')).toContain(risks.id);
    // A typo finds the thread by trigram similarity, ranked below the full-text matches.
    expect(await ids('земелный участок')).toContain(land.id);
    const typo = await ids('Праверка');
    expect(typo).toContain(meals.id);
    const [exact] = await ids('Проверка');
    expect(exact).toBe(meals.id);
  });

  it('uses the GIN indexes, not a sequential scan', async () => {
    const client = new pg.Client({ connectionString: server.db.ownerUrl });
    await client.connect();
    try {
      await client.query('set enable_seqscan = off');
      for (const table of ['thread', 'post']) {
        const plan = await client.query(
          `explain select id from ${table} where search @@ (websearch_to_tsquery('english', 'conflict') || websearch_to_tsquery('russian', 'conflict') || websearch_to_tsquery('simple', 'conflict'))`,
        );
        expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
          new RegExp(`Bitmap Index Scan on ${table}_search_index`),
        );
      }
    } finally {
      await client.end();
    }
  });
});

describe('SQL statements per page', () => {
  it('costs the same number of statements for a thread page of 5 posts as for 50', async () => {
    const thread = await newThread(member.client, 'Busy thread');
    // Several authors, so that nobody reaches the posting rate limit.
    const authors: Person[] = [];
    for (let i = 0; i < 5; i += 1) {
      const author = await person(server, `Author ${i}`);
      await addMember(server, owner, organisationId, author);
      authors.push(author);
    }
    for (let i = 0; i < 50; i += 1) {
      const post = (
        await authors[i % authors.length]!.client.ok(CREATE_POST, {
          input: { threadId: thread.id, body: `Reply ${i}` },
        })
      ).createPost.post;
      if (i % 3 === 0) {
        await owner.client.ok(
          `mutation($id: ID!) { toggleReaction(input: { postId: $id, reaction: LIKE }) { post { id } } }`,
          { id: post.id },
        );
      }
    }
    const orm = server.alany.orm;
    const count = async (query: string, first: number) => {
      let edges: unknown[] = [];
      const sql = await statementsOf(orm, async () => {
        edges = (await member.client.ok(query, { id: thread.id, first })).thread.posts.edges;
      });
      expect(edges).toHaveLength(first);
      return sql.length;
    };
    await count(THREAD_PAGE, 5); // warm the session lookup path
    const five = await count(THREAD_PAGE, 5);
    const fifty = await count(THREAD_PAGE, 50);
    expect(fifty).toBe(five);
    // The web client's own thread page also shows the space and its organisation, rendered
    // texts, replies and revisions: still the same statements.
    const webPage = webQueries().find((query) => query.name === 'Thread')!.query;
    expect(await count(webPage, 5)).toBe(five);
    expect(await count(webPage, 50)).toBe(five);
    // A space's thread list with authors and unread counts: BEGIN with the session, the space with
    // the viewer's reach, the threads with their authors and unread counts, COMMIT.
    let list: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
    const listStatements = await statementsOf(orm, async () => {
      list = await member.client.ok(
        `query($s: ID!) { threads(spaceId: $s, first: 50) { edges { node { id unreadCount author { handle } } } } }`,
        { s: spaceId },
      );
    });
    expect(listStatements.length).toBeLessThanOrEqual(4);
    const listed = list.threads.edges.find(
      (e: { node: { id: string } }) => e.node.id === thread.id,
    );
    const page = await member.client.ok(THREAD_PAGE, { id: thread.id, first: 1 });
    expect(listed.node.unreadCount).toBe(page.thread.unreadCount);
    expect(listed.node.unreadCount).toBe(50);
    // BEGIN with the session lookup and the viewer's settings; in one round trip the thread
    // with its author, its space, the viewer's reach and unread count, and the posts with their
    // authors and reactions; COMMIT (the issue asks for at most 4).
    expect(five).toBe(3);
  });

  it('reads the page with its thread, and shows hidden posts only to whom they are due', async () => {
    const thread = await newThread(owner.client, 'Read ahead');
    // People of their own, clear of the posting rate limit the tests above came near.
    const authors: Person[] = [];
    for (const name of ['Ahead One', 'Ahead Two', 'Ahead Three']) {
      const author = await person(server, name);
      await addMember(server, owner, organisationId, author);
      authors.push(author);
    }
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      ids.push(
        (
          await authors[i % 3]!.client.ok(CREATE_POST, {
            input: { threadId: thread.id, body: `Reply ${i}` },
          })
        ).createPost.post.id,
      );
    }
    // Reply 2 (by the third author) hidden by a moderator: in the first page of 5.
    await owner.client.ok(
      `mutation($id: ID!) { hidePost(input: { postId: $id, reason: "Off topic" }) { post { id } } }`,
      { id: ids[2] },
    );
    const orm = server.alany.orm;
    const page = async (who: Person, first: number, after?: string) => {
      let answer: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
      const sql = await statementsOf(orm, async () => {
        answer = await who.client.ok(
          `query($id: ID!, $first: Int!, $after: String) { thread(id: $id) {
            posts(first: $first, after: $after) { edges { node { id body } } pageInfo { hasNextPage endCursor } } } }`,
          { id: thread.id, first, after },
        );
      });
      const posts = answer.thread.posts;
      return {
        ids: posts.edges.map((e: { node: { id: string } }) => e.node.id),
        next: posts.pageInfo,
        statements: sql.length,
      };
    };
    // A moderator and the hidden reply's author see it, from the read that came with the thread.
    expect(await page(owner, 5)).toMatchObject({ ids: ids.slice(0, 5), statements: 3 });
    expect(await page(authors[2]!, 5)).toMatchObject({ ids: ids.slice(0, 5), statements: 3 });
    // Anyone else gets a full page without it: read again, without the hidden reply.
    const first = await page(member, 5);
    expect(first).toMatchObject({
      ids: [ids[0], ids[1], ids[3], ids[4], ids[5]],
      next: { hasNextPage: true },
      statements: 4,
    });
    // The next page starts after the cursor, with nothing hidden in it: read with the thread.
    expect(await page(member, 5, first.next.endCursor)).toMatchObject({
      ids: ids.slice(6),
      next: { hasNextPage: false },
      statements: 3,
    });
    // A page the field refuses is refused as before.
    expect(
      code(
        await member.client.request(
          `query($id: ID!) { thread(id: $id) { posts(first: 500) { edges { node { id } } } } }`,
          { id: thread.id },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await member.client.request(
          `query($id: ID!) { thread(id: $id) { posts(first: 5, after: "nonsense") { edges { node { id } } } } }`,
          { id: thread.id },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
