import { Migration } from '@mikro-orm/migrations';

/**
 * Tightens the database wall where it trusted the application more than it must:
 * invitations, the audit log, the outbox, claiming an organisation, the last owner and
 * networks an organisation has left.
 */
export class Migration20261127000004Hardening extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    // An invitee may only mark an invitation accepted: never change its role, address or expiry.
    sql(`revoke update on invitation from alany_app;`);
    sql(`grant update (accepted_at, accepted_by, revoked_at) on invitation to alany_app;`);
    sql(`
      create or replace function alany.viewer_invited_to(org uuid, invited_role member_role) returns boolean
      language sql stable security definer set search_path = public as $$
        select exists (
          select 1 from invitation
          where organisation_id = org and role = invited_role and email = alany.viewer_email()
            and accepted_by = alany.viewer_user_id() and revoked_at is null and expires_at > now()
        )
      $$;`);

    // Only its creator may become the first owner of an organisation that has no members.
    sql(`drop policy membership_join on membership;`);
    sql(`
      create policy membership_join on membership for insert with check (
        alany.viewer_is_admin(organisation_id)
        or (user_id = alany.viewer_user_id() and role = 'OWNER' and not alany.organisation_has_members(organisation_id)
            and exists (select 1 from organisation o where o.id = organisation_id and o.created_by = alany.viewer_user_id()))
        or (user_id = alany.viewer_user_id() and alany.viewer_invited_to(organisation_id, role))
      );`);

    // An organisation with members always keeps an owner, checked when the transaction commits.
    sql(`
      create function alany.keep_an_owner() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        if exists (select 1 from membership where organisation_id = old.organisation_id)
           and not exists (select 1 from membership where organisation_id = old.organisation_id and role = 'OWNER') then
          raise exception 'organisation % would have no owner', old.organisation_id using errcode = 'check_violation';
        end if;
        return null;
      end $$;`);
    sql(`
      create constraint trigger membership_keeps_an_owner after update or delete on membership
      deferrable initially deferred for each row execute function alany.keep_an_owner();`);

    // The audit log takes entries only from inside the organisation, in the viewer's own name.
    sql(`drop policy audit_event_append on audit_event;`);
    sql(`
      create policy audit_event_append on audit_event for insert with check (
        organisation_id = any (alany.viewer_org_ids()) and actor_user_id is not distinct from alany.viewer_user_id()
      );`);

    // Mail about an organisation comes from inside it.
    sql(`drop policy outbox_email_write on outbox_email;`);
    sql(`
      create policy outbox_email_write on outbox_email for insert with check (
        organisation_id is null or organisation_id = any (alany.viewer_org_ids())
      );`);

    // A network stays visible to an invited organisation only while the invitation is pending.
    sql(`drop policy network_read on network;`);
    sql(`
      create policy network_read on network for select using (
        organisation_id = any (alany.viewer_org_ids())
        or id = any (alany.viewer_network_ids())
        or exists (
          select 1 from network_invitation i
          where i.network_id = network.id and i.organisation_id = any (alany.viewer_org_ids())
            and i.accepted_at is null and i.revoked_at is null
        )
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists membership_keeps_an_owner on membership;`);
    this.addSql(`drop function if exists alany.keep_an_owner();`);
  }
}
