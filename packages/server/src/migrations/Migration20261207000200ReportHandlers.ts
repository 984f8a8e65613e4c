import { Migration } from '@mikro-orm/migrations';

/**
 * Case handlers cannot be added behind the others' backs (issue #18.4):
 *
 * - `viewer_is_handler` (row-level security of reports, messages and files) also asks that the
 *   handler still be a member: a handler row left behind never opens a report.
 * - Ending a membership removes the person's handler row in the same statement (a trigger,
 *   whoever ends it: an admin, the member leaving, a cascade).
 * - `fellow_handlers` lists an organisation's handlers to its handlers.
 * - `report_handler_change` keeps who changed the handlers, on which day, and whom they added
 *   or removed: append-only, readable by the organisation's handlers and admins.
 * - Notifications may name no space: the existing handlers are told of a change in-app
 *   (`REPORT_HANDLERS_CHANGED`, sent only by an owner of the organisation).
 */
export class Migration20261207000200ReportHandlers extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);
    sql(`
      create or replace function alany.viewer_is_handler(org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (
          select 1 from report_handler h
          join membership m on m.organisation_id = h.organisation_id and m.user_id = h.user_id
          where h.organisation_id = org and h.user_id = alany.viewer_user_id()
        )
      $$;`);
    sql(`
      create function alany.drop_handler_of_ended_membership() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        delete from report_handler where organisation_id = old.organisation_id and user_id = old.user_id;
        return old;
      end
      $$;`);
    sql(`
      create trigger membership_ended_drops_handler after delete on membership
      for each row execute function alany.drop_handler_of_ended_membership();`);

    // Handlers see each other (row-level security shows a member only their own handler row).
    sql(`
      create function alany.fellow_handlers(org uuid) returns setof uuid language sql stable security definer set search_path = public as $$
        select user_id from report_handler where organisation_id = org and alany.viewer_is_handler(org)
      $$;`);
    sql(`
      create table report_handler_change (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        changed_by uuid null references app_user (id) on delete set null,
        changed_on date not null,
        added uuid[] not null,
        removed uuid[] not null,
        position bigserial not null
      );`);
    sql(
      `create index report_handler_change_index on report_handler_change (organisation_id, position desc);`,
    );
    sql(`alter table report_handler_change enable row level security;`);
    sql(`alter table report_handler_change force row level security;`);
    sql(
      `create policy report_handler_change_read on report_handler_change for select using (alany.viewer_is_handler(organisation_id) or alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy report_handler_change_write on report_handler_change for insert with check (alany.viewer_role_rank(organisation_id) >= 4 and changed_by = alany.viewer_user_id());`,
    );
    sql(`grant select, insert on report_handler_change to alany_app;`);
    sql(`grant usage on sequence report_handler_change_position_seq to alany_app;`);

    // Only an owner may change who reads reports (the application asks the same).
    sql(`drop policy report_handler_write on report_handler;`);
    sql(`drop policy report_handler_delete on report_handler;`);
    sql(
      `create policy report_handler_write on report_handler for insert with check (alany.viewer_role_rank(organisation_id) >= 4);`,
    );
    sql(
      `create policy report_handler_delete on report_handler for delete using (alany.viewer_role_rank(organisation_id) >= 4);`,
    );

    // The trigger above deletes as whoever ended the membership: a row whose membership is
    // gone may go, whoever they are.
    sql(`
      create policy report_handler_gone on report_handler for delete using (
        not exists (
          select 1 from membership m
          where m.organisation_id = report_handler.organisation_id and m.user_id = report_handler.user_id
        )
      );`);

    sql(`alter table notification alter column space_id drop not null;`);
    sql(`
      create policy notification_handlers_changed on notification for insert with check (
        kind = 'REPORT_HANDLERS_CHANGED' and space_id is null
        and actor_id = alany.viewer_user_id() and alany.viewer_role_rank(organisation_id) >= 4
      );`);
  }

  override async down(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);
    sql(`drop policy notification_handlers_changed on notification;`);
    sql(`delete from notification where space_id is null;`);
    sql(`alter table notification alter column space_id set not null;`);
    sql(`drop policy report_handler_gone on report_handler;`);
    sql(`drop policy report_handler_write on report_handler;`);
    sql(`drop policy report_handler_delete on report_handler;`);
    sql(
      `create policy report_handler_write on report_handler for insert with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy report_handler_delete on report_handler for delete using (alany.viewer_is_admin(organisation_id));`,
    );
    sql(`drop table report_handler_change;`);
    sql(`drop function alany.fellow_handlers(uuid);`);
    sql(`drop trigger membership_ended_drops_handler on membership;`);
    sql(`drop function alany.drop_handler_of_ended_membership();`);
    sql(`
      create or replace function alany.viewer_is_handler(org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (select 1 from report_handler where organisation_id = org and user_id = alany.viewer_user_id())
      $$;`);
  }
}
