import { Migration } from '@mikro-orm/migrations';

/**
 * E-mail addresses are proved before they count (issue #18.7): a new account gets a
 * confirmation link by e-mail and is unverified until it is followed. Only a hash of the link's
 * secret is stored. Accounts that existed before this migration count as verified (they were
 * made when nobody could be asked, and their owners have used them since).
 *
 * An unverified account can sign in, but cannot accept an invitation (the service refuses) or
 * act as a case handler: `viewer_is_handler`, which the report policies call, now also asks
 * that the handler's address be verified (besides their membership, migration 000200; down gives
 * back 000200's check).
 */
export class Migration20261207000191EmailVerification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table app_user
        add column email_verified_at timestamptz null,
        add column verification_token_hash text null unique,
        add column verification_sent_at timestamptz null;`);
    this.addSql(`update app_user set email_verified_at = created_at;`);
    this.addSql(`
      create or replace function alany.viewer_is_handler(org uuid) returns boolean
      language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
        select exists (
          select 1 from report_handler h
          join membership m on m.organisation_id = h.organisation_id and m.user_id = h.user_id
          join app_user u on u.id = h.user_id
          where h.organisation_id = org and h.user_id = alany.viewer_user_id()
            and u.email_verified_at is not null)
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      create or replace function alany.viewer_is_handler(org uuid) returns boolean
      language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
        select exists (
          select 1 from report_handler h
          join membership m on m.organisation_id = h.organisation_id and m.user_id = h.user_id
          where h.organisation_id = org and h.user_id = alany.viewer_user_id()
        )
      $$;`);
    this.addSql(`
      alter table app_user
        drop column verification_sent_at,
        drop column verification_token_hash,
        drop column email_verified_at;`);
  }
}
