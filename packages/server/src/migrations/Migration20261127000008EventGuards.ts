import { Migration } from '@mikro-orm/migrations';

/**
 * Closes two doors the application alone was guarding:
 * - a guest participant can only be created through the join code (a definer function), not by
 *   any anonymous session inserting a row for any published event;
 * - moving the waitlist up only ever fills a seat that is really free, whoever calls it.
 */
export class Migration20261127000008EventGuards extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);
    sql(`drop policy participant_join on event_participant;`);
    sql(`
      create policy participant_join on event_participant for insert with check (
        user_id = alany.viewer_user_id() and alany.event_is_published(event_id)
      );`);
    sql(`
      create function alany.join_as_guest(join_code text, participant uuid, name text, token_hash text) returns uuid
      language sql volatile security definer set search_path = public as $$
        insert into event_participant (id, organisation_id, space_id, event_id, user_id, guest_token_hash, display_name, created_at)
        select participant, organisation_id, space_id, id, null, token_hash, name, now()
        from event where code = upper(join_code) and status = 'PUBLISHED' and ends_at > now()
        returning event_id
      $$;`);
    sql(`
      create or replace function alany.promote_waitlist(target_event uuid) returns uuid
      language plpgsql volatile security definer set search_path = public as $$
      declare promoted uuid;
      begin
        if not exists (
          select 1 from event e where e.id = target_event and e.capacity is not null
            and (select count(*) from event_registration r where r.event_id = e.id and r.status = 'REGISTERED') < e.capacity
        ) then
          return null;
        end if;
        update event_registration set status = 'REGISTERED', updated_at = now()
        where id = (
          select id from event_registration where event_id = target_event and status = 'WAITLISTED'
          order by created_at, id limit 1
        )
        returning user_id into promoted;
        return promoted;
      end $$;`);
    sql(`revoke all on function alany.join_as_guest(text, uuid, text, text) from public;`);
    sql(`grant execute on function alany.join_as_guest(text, uuid, text, text) to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists alany.join_as_guest(text, uuid, text, text);`);
  }
}
