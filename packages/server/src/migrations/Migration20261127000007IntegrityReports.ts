import { Migration } from '@mikro-orm/migrations';

/**
 * Integrity reports: anonymous whistleblowing to an organisation's case handlers.
 *
 * Everything the reporter writes is encrypted by the server (AES-256-GCM) before it reaches
 * these tables. Dates are kept to the day. No IP address, user agent or account is stored with
 * a report unless the reporter chooses to identify themselves (and then only inside the
 * encrypted payload). A receipt is found by a keyed hash (the key lives in the server's
 * settings, not here) and verified against an argon2id hash.
 */
export class Migration20261127000007IntegrityReports extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(
      `create type report_status as enum ('RECEIVED', 'TRIAGED', 'INVESTIGATING', 'RESOLVED', 'DISMISSED');`,
    );
    sql(`
      create table reporting_config (
        organisation_id uuid primary key references organisation (id) on delete cascade,
        enabled boolean not null,
        intro text not null default '',
        categories text[] not null default '{}',
        updated_at timestamptz not null
      );`);
    sql(`
      create table report_handler (
        organisation_id uuid not null references organisation (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        primary key (organisation_id, user_id)
      );`);
    sql(`create index report_handler_user_index on report_handler (user_id);`);
    sql(`
      create table integrity_report (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        category text not null,
        status report_status not null,
        receipt_lookup text not null unique,
        receipt_hash text not null,
        payload bytea not null,
        assignee_user_id uuid null references app_user (id) on delete set null,
        submitted_on date not null,
        acknowledged_on date null,
        last_handler_message_on date null,
        updated_on date not null
      );`);
    sql(
      `create index integrity_report_queue_index on integrity_report (organisation_id, status, submitted_on desc);`,
    );
    sql(`
      create table report_message (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        report_id uuid not null references integrity_report (id) on delete cascade,
        from_reporter boolean not null,
        internal boolean not null default false,
        handler_user_id uuid null references app_user (id) on delete set null,
        body bytea not null,
        sent_on date not null,
        position bigserial not null
      );`);
    sql(`create index report_message_report_index on report_message (report_id, position);`);

    sql(`
      create function alany.viewer_is_handler(org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (select 1 from report_handler where organisation_id = org and user_id = alany.viewer_user_id())
      $$;`);
    // The reporter has no account: these answer for the one report a receipt opens.
    sql(`
      create function alany.reporting_open(org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select coalesce((select enabled from reporting_config where organisation_id = org), false)
      $$;`);
    sql(`
      create function alany.report_for_receipt(lookup text)
      returns table (id uuid, organisation_id uuid, receipt_hash text, status report_status, category text, payload bytea,
                     submitted_on date, acknowledged_on date, last_handler_message_on date, updated_on date)
      language sql stable security definer set search_path = public as $$
        select id, organisation_id, receipt_hash, status, category, payload, submitted_on, acknowledged_on, last_handler_message_on, updated_on
        from integrity_report where receipt_lookup = lookup
      $$;`);
    sql(`
      create function alany.report_messages_for_reporter(report uuid)
      returns table (id uuid, from_reporter boolean, body bytea, sent_on date)
      language sql stable security definer set search_path = public as $$
        select id, from_reporter, body, sent_on from report_message where report_id = report and not internal order by position
      $$;`);
    sql(`
      create function alany.submit_report(
        report uuid, org uuid, report_category text, lookup text, verifier text, sealed bytea
      ) returns void language plpgsql volatile security definer set search_path = public as $$
      begin
        if not alany.reporting_open(org) then
          raise exception 'reporting is closed' using errcode = 'check_violation';
        end if;
        insert into integrity_report (id, organisation_id, category, status, receipt_lookup, receipt_hash, payload, submitted_on, updated_on)
        values (report, org, report_category, 'RECEIVED', lookup, verifier, sealed, current_date, current_date);
      end $$;`);
    sql(`
      create function alany.reporter_reply(report uuid, message uuid, sealed bytea) returns void
      language sql volatile security definer set search_path = public as $$
        insert into report_message (id, organisation_id, report_id, from_reporter, body, sent_on)
        select message, organisation_id, id, true, sealed, current_date from integrity_report where id = report;
        update integrity_report set updated_on = current_date where id = report;
      $$;`);
    sql(`revoke all on function alany.viewer_is_handler(uuid), alany.reporting_open(uuid), alany.report_for_receipt(text),
         alany.report_messages_for_reporter(uuid), alany.submit_report(uuid, uuid, text, text, text, bytea),
         alany.reporter_reply(uuid, uuid, bytea) from public;`);
    sql(`grant execute on function alany.viewer_is_handler(uuid), alany.reporting_open(uuid), alany.report_for_receipt(text),
         alany.report_messages_for_reporter(uuid), alany.submit_report(uuid, uuid, text, text, text, bytea),
         alany.reporter_reply(uuid, uuid, bytea) to alany_app;`);

    for (const table of [
      'reporting_config',
      'report_handler',
      'integrity_report',
      'report_message',
    ]) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
    }
    // The configuration (intro, categories) is public: the reporting page shows it to anyone.
    sql(`create policy reporting_config_read on reporting_config for select using (true);`);
    sql(
      `create policy reporting_config_write on reporting_config for insert with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy reporting_config_update on reporting_config for update using (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy report_handler_read on report_handler for select using (alany.viewer_is_admin(organisation_id) or user_id = alany.viewer_user_id());`,
    );
    sql(
      `create policy report_handler_write on report_handler for insert with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy report_handler_delete on report_handler for delete using (alany.viewer_is_admin(organisation_id));`,
    );
    // Only case handlers, never other admins.
    sql(
      `create policy integrity_report_handlers on integrity_report for select using (alany.viewer_is_handler(organisation_id));`,
    );
    sql(
      `create policy integrity_report_handle on integrity_report for update using (alany.viewer_is_handler(organisation_id));`,
    );
    sql(
      `create policy report_message_handlers on report_message for select using (alany.viewer_is_handler(organisation_id));`,
    );
    sql(
      `create policy report_message_write on report_message for insert with check (alany.viewer_is_handler(organisation_id) and not from_reporter and handler_user_id = alany.viewer_user_id());`,
    );

    sql(`grant select, insert, update on reporting_config to alany_app;`);
    sql(`grant select, insert, delete on report_handler to alany_app;`);
    sql(`grant select on integrity_report to alany_app;`);
    sql(
      `grant update (status, assignee_user_id, acknowledged_on, last_handler_message_on, updated_on) on integrity_report to alany_app;`,
    );
    sql(`grant select, insert on report_message to alany_app;`);
    sql(`grant usage on sequence report_message_position_seq to alany_app;`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'report_message',
      'integrity_report',
      'report_handler',
      'reporting_config',
    ])
      this.addSql(`drop table if exists ${table} cascade;`);
    this.addSql(`drop type if exists report_status;`);
  }
}
