import { Migration } from '@mikro-orm/migrations';

/**
 * Search served by its indexes (issue #25, speed).
 *
 * Why the GIN indexes were never used by the application: `tsvector @@ tsquery` and pg_trgm's
 * `<%` are not LEAKPROOF, and PostgreSQL evaluates a row-level-security policy before any
 * non-leakproof condition of the query, so such a condition can never become an index condition
 * on a table with a policy. Under `alany_app` every search read the viewer's readable rows
 * through the space index (or the whole table) and tested each one: at 200 000 posts, 26 000
 * rows and 18 000 heap pages for the bench's viewer, whatever the words. (The bench checked its
 * plans as the owner, who bypasses row-level security, so it saw the index.) Only a superuser can
 * mark an operator leakproof.
 *
 * So each kind's match runs in a `security definer` function, as the owner, where the planner may
 * use the GIN (and trigram) indexes, and holds the database wall itself: it reads only rows in
 * `alany.readable_space_ids()` — the exact rule of the `*_read` policies of these four tables —
 * intersected with the spaces the application asks for (its own wall and the space filter). Each
 * returns only ids, the thread id and the rank of its best `n` rows (null: all), never text; the
 * snippets are cut afterwards by the application role, under row-level security, by primary key.
 *
 * The statement is run with `execute … using`, so it is planned with the query's tsquery and the
 * space list as values (a custom plan each time, about a millisecond): the planner sees how common
 * the words are and how many spaces there are, and picks the GIN index, the space index, or both
 * (BitmapAnd). The typo functions set the trigram threshold they need themselves (for the rest of
 * the transaction, which is the search's read; not as a function `SET` clause, so that every
 * definer function's settings stay its search_path alone, as database-wall.test.ts checks).
 */
const DEFINER = `security definer set search_path = pg_catalog, public, pg_temp`;

/** The spaces asked for that the viewer may read, in the function's own words. */
const ALLOWED = `allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));`;

const RANK = `'{0.05, 0.1, 0.2, 1.0}'::float4[]`;

/**
 * A typo's similarity to the closest stretch of the text: 0.5 lets one wrong letter in a two-word
 * query through («земелные участки»).
 */
const TRIGRAM_THRESHOLD = (trigram: boolean | undefined) =>
  trigram
    ? `
          perform pg_catalog.set_config('pg_trgm.word_similarity_threshold', '0.5', true);`
    : '';

const FUNCTIONS: Array<{ signature: string; body: string; trigram?: boolean }> = [
  {
    signature: 'search_thread_hits(q tsquery, spaces uuid[], n int)',
    body: `
      select t.id, t.id, ts_rank(${RANK}, t.search, $1)
      from public.thread t
      where t.search @@ $1 and t.space_id = any($2) and t.deleted_at is null
      order by 3 desc, 1 limit $3`,
  },
  {
    // A post's thread is in the post's space: saying so lets the thread check read the viewer's
    // threads through the space index instead of every thread.
    signature: 'search_post_hits(q tsquery, spaces uuid[], n int)',
    body: `
      select p.id, p.thread_id, ts_rank(${RANK}, p.search, $1)
      from public.post p
      where p.search @@ $1 and p.space_id = any($2) and p.deleted_at is null and p.hidden_at is null
        and exists (select 1 from public.thread t
          where t.id = p.thread_id and t.space_id = any($2) and t.deleted_at is null)
      order by 3 desc, 1 limit $3`,
  },
  {
    // A resource matches by its own text or by its files' text, each through its own index (an
    // OR of the two in one condition could use neither). A resource found by a file alone ranks
    // by its own text (next to nothing): a file's words are not the resource's title.
    signature: 'search_resource_hits(q tsquery, spaces uuid[], n int)',
    body: `
      select h.id, null::uuid, max(h.rank)
      from (
        select r.id, ts_rank(${RANK}, r.search, $1) as rank
        from public.resource r where r.search @@ $1 and r.space_id = any($2)
        union all
        select r.id, ts_rank(${RANK}, r.search, $1)
        from public.resource_version v join public.resource r on r.id = v.resource_id
        where v.search @@ $1 and v.space_id = any($2) and r.space_id = any($2)
      ) h
      group by h.id
      order by 3 desc, 1 limit $3`,
  },
  {
    signature: 'search_thread_typos(fq text, spaces uuid[], n int)',
    trigram: true,
    body: `
      select t.id, t.id, (0.001 * word_similarity($1, alany.search_fold(t.title || ' ' || t.body)))::real
      from public.thread t
      where $1 <% alany.search_fold(t.title || ' ' || t.body)
        and t.space_id = any($2) and t.deleted_at is null
      order by 3 desc, 1 limit $3`,
  },
  {
    signature: 'search_resource_typos(fq text, spaces uuid[], n int)',
    trigram: true,
    body: `
      select r.id, null::uuid, (0.001 * word_similarity($1, alany.search_fold(r.title || ' ' || r.description)))::real
      from public.resource r
      where $1 <% alany.search_fold(r.title || ' ' || r.description) and r.space_id = any($2)
      order by 3 desc, 1 limit $3`,
  },
];

export class Migration20261207000270SearchPlans extends Migration {
  override async up(): Promise<void> {
    for (const { signature, body, trigram } of FUNCTIONS) {
      const typo = signature.includes('typos');
      // (q or fq, spaces, n): a typo function takes the folded text instead of the tsquery.
      const using = typo ? 'fq, allowed, n' : 'q, allowed, n';
      this.addSql(`
        create function alany.${signature}
        returns table (id uuid, thread_id uuid, rank real)
        language plpgsql ${trigram ? 'volatile' : 'stable'} ${DEFINER} as $fn$
        declare
          ${ALLOWED}
        begin${TRIGRAM_THRESHOLD(trigram)}
          return query execute $sql$${body}$sql$ using ${using};
        end
        $fn$;`);
      this.addSql(`revoke all on function alany.${signature} from public;`);
      this.addSql(`grant execute on function alany.${signature} to alany_app;`);
    }
  }

  override async down(): Promise<void> {
    for (const { signature } of FUNCTIONS) {
      this.addSql(`drop function alany.${signature};`);
    }
  }
}
