import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../platform/text/markdown.js';
import { ownerQuery, startTestServer, type TestClient, type TestServer } from '../test/harness.js';
import { Factories } from '../test/factories.js';
import { migrationsList } from './index.js';

let server: TestServer;
let author: { client: TestClient };
let spaceId: string;

beforeAll(async () => {
  server = await startTestServer();
  const make = new Factories(server);
  const { owner, organisation } = await make.organisation();
  author = { client: make.client(owner) };
  spaceId = (await make.space(owner, organisation.id, { name: 'Notes' })).id;
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const stored = async (table: 'thread' | 'post', id: string) =>
  (
    await ownerQuery<{ body: string; body_html: string }>(
      server,
      `select body, body_html from ${table} where id = $1`,
      [id],
    )
  )[0]!;

const MARKDOWN = 'A **bold** claim with a [link](https://example.org) and <script>x()</script>';

describe('stored HTML of threads and posts', () => {
  it('is written with the body on create, edit and delete, and is what bodyHtml answers', async () => {
    const thread = (
      await author.client.ok(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id bodyHtml } } }`,
        { input: { spaceId, title: 'Rendered once', body: MARKDOWN } },
      )
    ).createThread.thread;
    expect(thread.bodyHtml).toBe(renderMarkdown(MARKDOWN));
    expect(thread.bodyHtml).toContain('<strong>bold</strong>');
    expect(thread.bodyHtml).not.toContain('<script>');
    expect(await stored('thread', thread.id)).toEqual({
      body: MARKDOWN,
      body_html: renderMarkdown(MARKDOWN),
    });

    await author.client.ok(
      `mutation($id: ID!) { updateThread(input: { id: $id, body: "Now _edited_" }) { thread { id } } }`,
      { id: thread.id },
    );
    expect((await stored('thread', thread.id)).body_html).toBe(renderMarkdown('Now _edited_'));

    const post = (
      await author.client.ok(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id bodyHtml } } }`,
        { input: { threadId: thread.id, body: '1. first\n2. second' } },
      )
    ).createPost.post;
    expect(post.bodyHtml).toBe(renderMarkdown('1. first\n2. second'));
    expect((await stored('post', post.id)).body_html).toBe(post.bodyHtml);

    const edited = (
      await author.client.ok(
        `mutation($id: ID!) { editPost(input: { id: $id, body: "# Heading" }) { post { bodyHtml } } }`,
        { id: post.id },
      )
    ).editPost.post;
    expect(edited.bodyHtml).toBe('<h1>Heading</h1>\n');
    expect((await stored('post', post.id)).body_html).toBe('<h1>Heading</h1>\n');

    const deleted = (
      await author.client.ok(
        `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { body bodyHtml } } }`,
        { id: post.id },
      )
    ).deletePost.post;
    expect(deleted).toEqual({ body: null, bodyHtml: null });
    // The text is gone from the row too, not only from the answer.
    expect(await stored('post', post.id)).toEqual({ body: '', body_html: '' });

    const page = (
      await author.client.ok(
        `query($id: ID!) { thread(id: $id) { bodyHtml posts(first: 5) { edges { node { bodyHtml } } } } }`,
        { id: thread.id },
      )
    ).thread;
    expect(page.bodyHtml).toBe(renderMarkdown('Now _edited_'));
    expect(page.posts.edges).toEqual([{ node: { bodyHtml: null } }]);
  });

  it('renders the rows that existed before the migration, and down removes the columns', async () => {
    const thread = (
      await author.client.ok(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title: 'Older', body: 'Before' } },
      )
    ).createThread.thread;
    const orm = await MikroORM.init({
      clientUrl: server.db.ownerUrl,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      extensions: [Migrator],
      migrations: {
        migrationsList: [...migrationsList],
        transactional: true,
        snapshot: false,
        silent: true,
      },
      allowGlobalContext: true,
    });
    try {
      const migrator = orm.getMigrator();
      // Down to before migration 16 (the later ones first), and up again below.
      const reverted = await migrator.down({ to: 'Migration20261127000016StoredHtml' });
      expect(reverted.at(-1)?.name).toBe('Migration20261127000016StoredHtml');
      const columns = await ownerQuery(
        server,
        `select table_name from information_schema.columns where column_name = 'body_html'`,
      );
      expect(columns).toEqual([]);
      // Rows written while the column did not exist, with Markdown that needs rendering.
      await ownerQuery(server, `update thread set body = $2 where id = $1`, [thread.id, MARKDOWN]);
      await ownerQuery(
        server,
        `insert into post (id, organisation_id, space_id, thread_id, author_id, body, created_at)
         select gen_random_uuid(), organisation_id, space_id, id, author_id, '*' || g || '*', now()
         from thread, generate_series(1, 2500) g where id = $1`,
        [thread.id],
      );

      await migrator.up();
      expect(await stored('thread', thread.id)).toEqual({
        body: MARKDOWN,
        body_html: renderMarkdown(MARKDOWN),
      });
      // More rows than one batch of the backfill: every one rendered.
      const posts = await ownerQuery<{ body: string; body_html: string }>(
        server,
        `select body, body_html from post where thread_id = $1`,
        [thread.id],
      );
      expect(posts).toHaveLength(2500);
      expect(posts.filter((p) => p.body_html !== renderMarkdown(p.body))).toEqual([]);
      const nullable = await ownerQuery<{ is_nullable: string }>(
        server,
        `select is_nullable from information_schema.columns where column_name = 'body_html'`,
      );
      expect(nullable).toEqual([{ is_nullable: 'NO' }, { is_nullable: 'NO' }]);
    } finally {
      await orm.close(true);
    }

    // The running server reads the re-created columns (its prepared reads are prepared again).
    const page = (
      await author.client.ok(
        `query($id: ID!) { thread(id: $id) { bodyHtml posts(first: 1) { edges { node { bodyHtml } } } } }`,
        { id: thread.id },
      )
    ).thread;
    expect(page.bodyHtml).toBe(renderMarkdown(MARKDOWN));
    expect(page.posts.edges[0].node.bodyHtml).toMatch(/^<p><em>\d+<\/em><\/p>\n$/);
  });
});
