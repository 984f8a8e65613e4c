import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { registerSearchKind, SearchHit, SearchKind } from '../search/index.js';
import { Post, Thread } from './discussions.entity.js';
import { postLoader, threadLoader } from './discussions.reads.js';

// Threads and posts in the site-wide search. The matches are definer functions
// (Migration20261207000270SearchPlans): under row-level security PostgreSQL cannot use the GIN
// indexes for `@@` (not leakproof). They return ids and ranks only; the snippet's text is read
// here, as the application role, by primary key.
registerSearchKind({
  kind: SearchKind.THREAD,
  match: 'alany.search_thread_hits(search_query.q, search_query.spaces, search_query.n)',
  typo: 'alany.search_thread_typos(search_query.fq, search_query.spaces, search_query.n)',
  snippetText: `select t.id, t.title || ' — ' || t.body as text from thread t
    where t.id = any(search_page.ids) and t.deleted_at is null`,
});

registerSearchKind({
  kind: SearchKind.POST,
  // A trigram index over every post body costs more than the typos it would find.
  match: 'alany.search_post_hits(search_query.q, search_query.spaces, search_query.n)',
  snippetText: `select p.id, p.body as text from post p
    where p.id = any(search_page.ids) and p.deleted_at is null`,
});

@Resolver(() => SearchHit)
export class SearchHitDiscussionResolver {
  @FieldResolver(() => Thread, {
    nullable: true,
    description: 'The thread of a THREAD or POST hit.',
  })
  thread(@Root() hit: SearchHit, @Ctx() context: Context): Promise<Thread | null> {
    return hit.threadId ? threadLoader(context).load(hit.threadId) : Promise.resolve(null);
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() hit: SearchHit, @Ctx() context: Context): Promise<Post | null> {
    return hit.postId ? postLoader(context).load(hit.postId) : Promise.resolve(null);
  }
}
