import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpClient, startTestServer, type TestServer } from '../harness.js';
import { User } from '../../modules/accounts/accounts.entity.js';
import { Post, Thread } from '../../modules/discussions/discussions.entity.js';
import { Space } from '../../modules/spaces/spaces.entity.js';
import { readOnlyEntity } from '../../platform/database/read-only.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The entity MikroORM itself makes of the row (`em.map` without merging): the reference. */
function mikroOrmEntity<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  row: Record<string, unknown>,
): T {
  const meta = em.getMetadata().get<T>(entity.name);
  const data = em.getDriver().mapResult(row as never, meta) as Record<string, unknown>;
  return em.getEntityFactory().create<T>(entity, data as never, {
    merge: false,
    refresh: true,
    newEntity: false,
    initialized: true,
    convertCustomTypes: true,
  });
}

function expectSameEntity<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  row: Record<string, unknown>,
): T {
  const light = readOnlyEntity(em, entity, row);
  const reference = mikroOrmEntity(em, entity, row);
  expect(light).toBeInstanceOf(entity);
  expect(Object.getPrototypeOf(light)).toBe(entity.prototype);
  for (const prop of em.getMetadata().get<T>(entity.name).props) {
    const name = prop.name as keyof T;
    expect(light[name], String(name)).toEqual(reference[name]);
    if (reference[name] instanceof Date) expect(light[name]).toBeInstanceOf(Date);
  }
  // Not tracked: nothing of it is written back when the operation commits.
  expect(em.getUnitOfWork().getIdentityMap().values()).not.toContain(light);
  return light;
}

describe('readOnlyEntity', () => {
  it('gives every property the value MikroORM would, for users as read from the database', async () => {
    await signedUpClient(server);
    const em = server.alany.orm.em.fork();
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select id, email, display_name, handle, locale, created_at, updated_at from app_user`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const user = expectSameEntity(em, User, row);
      expect(user.id).toBe(row.id);
    }
  });

  it('maps nulls, dates given as text and missing columns as MikroORM does, for posts', () => {
    const em = server.alany.orm.em.fork();
    const at = new Date('2026-11-27T08:00:00.000Z');
    const base = {
      id: '00000000-0000-4000-8000-000000000001',
      organisation_id: '00000000-0000-4000-8000-000000000002',
      space_id: '00000000-0000-4000-8000-000000000003',
      thread_id: '00000000-0000-4000-8000-000000000004',
      author_id: null,
      reply_to_post_id: null,
      body: "It's \\ here",
      created_at: at,
      edited_at: '2026-11-27T09:00:00.000Z',
      deleted_at: '2026-11-27 10:00:00',
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
      unrelated_column: 42,
    };
    const post = expectSameEntity(em, Post, base);
    expect(post.createdAt).toBe(at);
    expect(post.body).toBe("It's \\ here");
    expect(post.authorId).toBeNull();
    expect((post as unknown as Record<string, unknown>).unrelated_column).toBeUndefined();
    const { hidden_reason: _, ...partial } = base;
    expectSameEntity(em, Post, partial);
  });

  it('maps threads (with their tags) and spaces (with their visibility) as MikroORM does', () => {
    const em = server.alany.orm.em.fork();
    const thread = expectSameEntity(em, Thread, {
      id: '00000000-0000-4000-8000-000000000011',
      organisation_id: '00000000-0000-4000-8000-000000000012',
      space_id: '00000000-0000-4000-8000-000000000013',
      author_id: '00000000-0000-4000-8000-000000000014',
      title: 'Procurement dialogue',
      body: 'Notes',
      tags: ['procurement', 'almaty'],
      pinned: true,
      locked: false,
      reply_count: 3,
      last_activity_at: '2026-11-27T09:00:00.000Z',
      created_at: new Date('2026-11-27T08:00:00.000Z'),
      updated_at: new Date('2026-11-27T08:30:00.000Z'),
      deleted_at: null,
    });
    expect(thread.tags).toEqual(['procurement', 'almaty']);
    const space = expectSameEntity(em, Space, {
      id: '00000000-0000-4000-8000-000000000013',
      organisation_id: '00000000-0000-4000-8000-000000000012',
      network_id: null,
      name: 'Integrity',
      description: '',
      visibility: 'NETWORK',
      created_by: '00000000-0000-4000-8000-000000000014',
      created_at: new Date('2026-11-27T08:00:00.000Z'),
      updated_at: new Date('2026-11-27T08:30:00.000Z'),
    });
    expect(space.visibility).toBe('NETWORK');
  });
});
