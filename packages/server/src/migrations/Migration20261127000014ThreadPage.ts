import { Migration } from '@mikro-orm/migrations';

/**
 * The session lookup in the same round trip as `BEGIN` (see `OperationUnitOfWork.beginWith`):
 * finds the live session by its token's hash, sets the transaction's viewer for row-level
 * security exactly as `settingsFor` would (the person, or nobody when the session is unknown,
 * expired or revoked) and returns who it is. `last_seen_at` is refreshed at most every five
 * minutes, as the application did. Sessions and accounts are not tenant data (no row-level
 * security on either table, which `alany_app` reads and writes already), so the function runs
 * as its caller: it grants nothing the application role does not have.
 */
export class Migration20261127000014ThreadPage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function alany.begin_session(secret_hash text)
      returns table (viewer_user_id uuid, viewer_session_id uuid, viewer_locale locale)
      language plpgsql volatile set search_path = public as $$
      declare
        found record;
      begin
        select s.id, s.user_id, s.last_seen_at, u.locale into found
        from user_session s join app_user u on u.id = s.user_id
        where s.token_hash = secret_hash and s.revoked_at is null and s.expires_at > now();
        perform set_config('app.user_id', coalesce(found.user_id::text, ''), true),
          set_config('app.token_org_id', '', true),
          set_config('app.guest_participant_id', '', true);
        if found.id is null then
          return;
        end if;
        if found.last_seen_at < now() - interval '5 minutes' then
          update user_session set last_seen_at = now() where id = found.id;
        end if;
        return query select found.user_id, found.id, found.locale;
      end
      $$;`);
    this.addSql(`revoke all on function alany.begin_session(text) from public;`);
    this.addSql(`grant execute on function alany.begin_session(text) to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists alany.begin_session(text);`);
  }
}
