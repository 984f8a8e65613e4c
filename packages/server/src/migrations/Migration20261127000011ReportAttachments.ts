import { Migration } from '@mikro-orm/migrations';

/**
 * Files attached to integrity reports and to reporters' replies.
 *
 * A file is uploaded before the report exists (one request per file, no account): it is
 * cleaned of metadata and encrypted by the server, then waits here as a pending upload known
 * only by the SHA-256 of a random upload key the uploader holds. submitReport or replyToReport
 * claims it in the same transaction that stores the report or the reply; a pending upload
 * nobody claimed by the end of the next day is refused, and deleted by a later upload. Like
 * the reports, a row keeps the day only, and the file name is encrypted with the content.
 */
export class Migration20261127000011ReportAttachments extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(`
      create table report_attachment (
        id uuid primary key,
        organisation_id uuid null references organisation (id) on delete cascade,
        report_id uuid null references integrity_report (id) on delete cascade,
        message_id uuid null references report_message (id) on delete cascade,
        upload_key text null unique,
        media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf', 'text/plain')),
        size integer not null check (size > 0),
        file_name bytea not null,
        content bytea not null,
        uploaded_on date not null,
        position bigserial not null,
        constraint report_attachment_pending_or_claimed check (
          (upload_key is not null and report_id is null and organisation_id is null)
          or (upload_key is null and report_id is not null and organisation_id is not null)
        )
      );`);
    sql(`create index report_attachment_report_index on report_attachment (report_id, position);`);
    sql(
      `create index report_attachment_pending_index on report_attachment (uploaded_on) where upload_key is not null;`,
    );

    // Stages one cleaned, encrypted upload; forgets yesterday's unclaimed ones first and refuses
    // when the pending uploads already hold max_pending_bytes (a flood fills no disk).
    sql(`
      create function alany.stage_report_attachment(
        attachment uuid, key text, kind text, bytes integer, sealed_name bytea, sealed_content bytea, max_pending_bytes bigint
      ) returns boolean language plpgsql volatile security definer set search_path = public as $$
      begin
        delete from report_attachment where upload_key is not null and uploaded_on < current_date - 1;
        if coalesce((select sum(size) from report_attachment where upload_key is not null), 0) + bytes > max_pending_bytes then
          return false;
        end if;
        insert into report_attachment (id, upload_key, media_type, size, file_name, content, uploaded_on)
        values (attachment, key, kind, bytes, sealed_name, sealed_content, current_date);
        return true;
      end $$;`);
    // Claims pending uploads for a report (and a reporter's message); returns how many it found.
    sql(`
      create function alany.claim_report_attachments(report uuid, message uuid, keys text[]) returns integer
      language plpgsql volatile security definer set search_path = public as $$
      declare claimed integer;
      begin
        update report_attachment a
        set organisation_id = r.organisation_id, report_id = r.id, message_id = message, upload_key = null
        from integrity_report r
        where r.id = report and a.upload_key = any(keys) and a.uploaded_on >= current_date - 1;
        get diagnostics claimed = row_count;
        return claimed;
      end $$;`);
    // What the reporter sees of the files: names and sizes, never the content back.
    sql(`
      create function alany.report_attachments_for_reporter(report uuid)
      returns table (id uuid, message_id uuid, media_type text, size integer, file_name bytea)
      language sql stable security definer set search_path = public as $$
        select id, message_id, media_type, size, file_name from report_attachment
        where report_id = report and (message_id is null or message_id in (select m.id from report_message m where m.report_id = report and not m.internal))
        order by position
      $$;`);
    sql(`revoke all on function alany.stage_report_attachment(uuid, text, text, integer, bytea, bytea, bigint),
         alany.claim_report_attachments(uuid, uuid, text[]), alany.report_attachments_for_reporter(uuid) from public;`);
    sql(`grant execute on function alany.stage_report_attachment(uuid, text, text, integer, bytea, bytea, bigint),
         alany.claim_report_attachments(uuid, uuid, text[]), alany.report_attachments_for_reporter(uuid) to alany_app;`);

    sql(`alter table report_attachment enable row level security;`);
    sql(`alter table report_attachment force row level security;`);
    // Pending uploads have no organisation, so no handler reads them; claimed ones only the
    // organisation's case handlers, never other admins. Writes go through the functions above.
    sql(
      `create policy report_attachment_handlers on report_attachment for select using (alany.viewer_is_handler(organisation_id));`,
    );
    sql(`grant select on report_attachment to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists report_attachment cascade;`);
    this.addSql(`drop function if exists alany.stage_report_attachment;`);
    this.addSql(`drop function if exists alany.claim_report_attachments;`);
    this.addSql(`drop function if exists alany.report_attachments_for_reporter;`);
  }
}
