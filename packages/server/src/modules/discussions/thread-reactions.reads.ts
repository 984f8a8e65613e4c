import type { Context } from '../../platform/graphql/context.js';
import { groupByKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { ReactionKind } from './discussions.entity.js';
import type { ReactionCount } from './discussions.inputs.js';

/** Reads of the opening post's reactions (issue #26.10), apart from the rules that change them. */

const REACTION_ORDER = Object.values(ReactionKind);

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    threadReactionCounts: RequestLoader<string, ReactionCount[]>;
  }
}

/** Counts per reaction and the viewer's own, for a page of threads in one statement. */
export function threadReactionCounts(context: Context) {
  return requestLoader(context, 'threadReactionCounts', async (em, threadIds) => {
    const me = context.viewer.kind === 'user' ? context.viewer.userId : null;
    const rows = await em.execute<
      Array<{ thread_id: string; kind: ReactionKind; count: string; mine: boolean }>
    >(
      `select thread_id, kind, count(*) as count,
                coalesce(bool_or(user_id = ?::uuid), false) as mine
         from thread_reaction where thread_id = any(?::uuid[]) group by thread_id, kind`,
      [me, `{${threadIds.join(',')}}`],
    );
    return groupByKey(threadIds, rows, (row) => row.thread_id).map((group) =>
      REACTION_ORDER.map((kind) => {
        const row = group.find((r) => r.kind === kind);
        return {
          reaction: kind,
          count: Number(row?.count ?? 0),
          viewerReacted: Boolean(row?.mine),
        };
      }),
    );
  });
}

/** The counts of one thread as a JSON list, for a read of the thread row (`t`); `?`: the viewer. */
export const THREAD_REACTIONS_SQL = `(select coalesce(json_agg(json_build_object('kind', k.kind, 'count', k.count, 'mine', k.mine)), '[]')
  from (select kind, count(*) as count, coalesce(bool_or(user_id = ?::uuid), false) as mine
        from thread_reaction r where r.thread_id = t.id group by kind) k)`;

/** Primes `threadReactionCounts` with what a read of the thread brought (`THREAD_REACTIONS_SQL`). */
export function primeThreadReactionCounts(context: Context, threadId: string, json: unknown): void {
  const given = (Array.isArray(json) ? json : []) as Array<{
    kind: ReactionKind;
    count: number;
    mine: boolean;
  }>;
  threadReactionCounts(context).prime(
    threadId,
    REACTION_ORDER.map((kind) => {
      const found = given.find((r) => r.kind === kind);
      return {
        reaction: kind,
        count: Number(found?.count ?? 0),
        viewerReacted: Boolean(found?.mine),
      };
    }),
  );
}
