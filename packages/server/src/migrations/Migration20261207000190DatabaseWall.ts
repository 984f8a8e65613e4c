import { Migration } from '@mikro-orm/migrations';

/** What every `security definer` function searches, `pg_temp` last (explicitly, so never first). */
export const DEFINER_SEARCH_PATH = 'pg_catalog, public, pg_temp';

/**
 * The database wall held against the application role itself (issue #18.5).
 *
 * A `security definer` function runs as the owner, who bypasses row-level security; with
 * `search_path = public` PostgreSQL still searches the session's temporary schema first for
 * tables, so `alany_app` could create a temporary `membership` (or `event_participant`) table
 * and `viewer_org_ids()` (or `cast_votes`) would read it: any organisation's rows, or a vote as
 * any guest. Two independent fixes:
 *
 * - every security-definer function of the schema searches `pg_catalog, public, pg_temp`
 *   (`pg_temp` named last is searched last). The list is taken from the catalogue here, so no
 *   function is missed; a test checks `pg_proc` so that a later migration cannot bring one back
 *   without it;
 * - `alany_app` (and PUBLIC, which every role is a member of) may not create temporary tables
 *   in this database. Databases created later (each test file's copy, a restored dump) get the
 *   default privileges again: `ensureAppRole` revokes them at every start as well.
 */
export class Migration20261207000190DatabaseWall extends Migration {
  override async up(): Promise<void> {
    this.addSql(setDefinerSearchPath(DEFINER_SEARCH_PATH));
    this.addSql(`
      do $migration$
      begin
        execute format('revoke temporary on database %I from public, alany_app', current_database());
      end
      $migration$;`);
  }

  override async down(): Promise<void> {
    // Every security-definer function searched `public` alone before.
    this.addSql(setDefinerSearchPath('public'));
    this.addSql(`
      do $migration$
      begin
        execute format('grant temporary on database %I to public, alany_app', current_database());
      end
      $migration$;`);
  }
}

/** `alter routine … set search_path` for every security-definer routine outside the system schemas. */
function setDefinerSearchPath(path: string): string {
  return `
    do $migration$
    declare
      fn regprocedure;
    begin
      for fn in
        select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef
          and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
      loop
        execute format('alter routine %s set search_path = ${path}', fn);
      end loop;
    end
    $migration$;`;
}
