import { Migration } from '@mikro-orm/migrations';

/**
 * The two credential lookups also say when the credential ends, so that a WebSocket carrying it
 * can be closed at that moment (a timer per socket), not only refused at its next operation:
 *
 * - `api_token_by_hash` returns the token's `expires_at` (null: no expiry);
 * - `guest_by_hash` returns the end of the guest's event (`event_ends_at`); a guest token stops
 *   working some days after it (`GUEST_TOKEN_DAYS_AFTER_EVENT` in events.service.ts decides,
 *   in one place, for HTTP and sockets alike).
 *
 * Their result types change, so each is dropped and created again with the same grants.
 */
export class Migration20261207000210SocketCredentials extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop function alany.api_token_by_hash(text);`);
    this.addSql(`
      create function alany.api_token_by_hash(hash text)
      returns table (id uuid, organisation_id uuid, scopes text[], expires_at timestamptz)
      language sql stable security definer set search_path = public as $$
        select id, organisation_id, scopes, expires_at from api_token
        where token_hash = hash and revoked_at is null and (expires_at is null or expires_at > now())
      $$;`);
    this.addSql(`drop function alany.guest_by_hash(text);`);
    this.addSql(`
      create function alany.guest_by_hash(hash text)
      returns table (participant_id uuid, event_id uuid, event_ends_at timestamptz)
      language sql stable security definer set search_path = public as $$
        select p.id, p.event_id, e.ends_at
        from event_participant p join event e on e.id = p.event_id
        where p.guest_token_hash = hash
      $$;`);
    this.grants();
  }

  override async down(): Promise<void> {
    this.addSql(`drop function alany.api_token_by_hash(text);`);
    this.addSql(`
      create function alany.api_token_by_hash(hash text)
      returns table (id uuid, organisation_id uuid, scopes text[])
      language sql stable security definer set search_path = public as $$
        select id, organisation_id, scopes from api_token
        where token_hash = hash and revoked_at is null and (expires_at is null or expires_at > now())
      $$;`);
    this.addSql(`drop function alany.guest_by_hash(text);`);
    this.addSql(`
      create function alany.guest_by_hash(hash text) returns table (participant_id uuid, event_id uuid)
      language sql stable security definer set search_path = public as $$
        select id, event_id from event_participant where guest_token_hash = hash
      $$;`);
    this.grants();
  }

  private grants(): void {
    for (const fn of ['api_token_by_hash(text)', 'guest_by_hash(text)']) {
      this.addSql(`revoke all on function alany.${fn} from public;`);
      this.addSql(`grant execute on function alany.${fn} to alany_app;`);
    }
  }
}
