import { Field, Int, ObjectType, ArgsType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { BadUserInput } from './errors.js';

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** The most a page may ask for. */
export const MAX_PAGE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_PAGE}.` })
  @Min(1)
  @Max(MAX_PAGE)
  first: number = 20;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Keyset cursors: (timestamp, id) in base64url, opaque to clients. */
export interface KeysetCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(raw: string | null | undefined): KeysetCursor | undefined {
  if (!raw) return undefined;
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const date = at ? new Date(at) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw BadUserInput.field('after', 'INVALID_CURSOR', 'The cursor is not valid.');
  }
  return { at: date, id };
}

/**
 * Builds a page from rows fetched with `limit = first + 1`, newest first or oldest first:
 * the extra row only tells whether another page exists.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => KeysetCursor,
  hadCursor: boolean,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The filter for "rows after this cursor" in a (field, id) keyset order; newest first by default.
 * Spread it into a MikroORM `where`.
 */
export function afterCursor(
  after: KeysetCursor | undefined,
  field = 'createdAt',
  direction: 'desc' | 'asc' = 'desc',
): Record<string, unknown> {
  if (!after) return {};
  const op = direction === 'desc' ? '$lt' : '$gt';
  return { $or: [{ [field]: { [op]: after.at } }, { [field]: after.at, id: { [op]: after.id } }] };
}
