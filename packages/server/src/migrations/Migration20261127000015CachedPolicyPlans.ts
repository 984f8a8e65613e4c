import { Migration } from '@mikro-orm/migrations';

/**
 * The row-level-security helpers that every policy calls (the viewer's organisations, networks,
 * shared spaces, readable and writable spaces, events, role) are `security definer` SQL
 * functions with their own `search_path`, so PostgreSQL cannot inline them and plans their
 * bodies again on every call: ≈ 0.6 ms for each `readable_space_ids()`, three of them on a
 * thread page. The same bodies in PL/pgSQL are planned once per connection and reused.
 *
 * The bodies are not copied here: each function is re-created from its own current source,
 * wrapped in `return (…)` (down: unwrapped again), so nothing but the language changes. A scalar
 * subquery and an SQL function agree on every answer these bodies can give (one row or none:
 * each is an aggregate, an `exists`, or a lookup by primary key); `#variable_conflict
 * use_column` keeps SQL's rule that a column wins over a parameter of the same name.
 * A later migration that re-creates one of them in SQL just makes it slower again.
 */
export const CACHED_POLICY_FUNCTIONS = [
  'viewer_org_ids()',
  'viewer_network_ids()',
  'viewer_shared_space_ids()',
  'readable_space_ids()',
  'writable_space_ids()',
  'viewer_participant_ids()',
  'viewer_event_ids()',
  'viewer_role_rank(uuid)',
  'space_owner(uuid)',
  'network_steward(uuid)',
];

/** What wraps each body (SQL string literals). */
const PREFIX = `E'#variable_conflict use_column\\nbegin\\nreturn (\\n'`;
const SUFFIX = `E'\\n);\\nend'`;

/** Re-creates each listed function in `language` with the body `rewrite` makes of `fn.source`. */
function recreate(language: 'plpgsql' | 'sql', rewrite: string): string {
  const list = CACHED_POLICY_FUNCTIONS.map((signature) => `'alany.${signature}'`).join(', ');
  return `
    do $migration$
    declare
      fn record;
    begin
      for fn in
        select format('alany.%I(%s)', p.proname, pg_get_function_arguments(p.oid)) as signature,
               pg_get_function_result(p.oid) as result, p.prosrc as source
        from unnest(array[${list}]::regprocedure[]) as wanted(oid) join pg_proc p on p.oid = wanted.oid
      loop
        execute format(
          'create or replace function %s returns %s language ${language} stable security definer set search_path = public as %L',
          fn.signature, fn.result, ${rewrite});
      end loop;
    end
    $migration$;`;
}

export class Migration20261127000015CachedPolicyPlans extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      recreate('plpgsql', `${PREFIX} || rtrim(btrim(fn.source, E' \\n\\t'), ';') || ${SUFFIX}`),
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      recreate(
        'sql',
        `substr(fn.source, length(${PREFIX}) + 1, length(fn.source) - length(${PREFIX}) - length(${SUFFIX}))`,
      ),
    );
  }
}
