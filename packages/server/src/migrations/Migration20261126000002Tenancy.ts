import { Migration } from '@mikro-orm/migrations';

/**
 * Organisations, members, invitations, networks, spaces, API tokens, the audit log and the
 * outbox, with the second wall of tenant isolation: row-level security, forced on every table
 * that carries `organisation_id`. Policies call the STABLE, SECURITY DEFINER helpers in the
 * `alany` schema, which read the viewer from transaction-local settings:
 *   app.user_id       the signed-in person ('' when none)
 *   app.token_org_id  the organisation an API token acts for ('' when none)
 */
export class Migration20261126000002Tenancy extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(`create extension if not exists citext;`);
    sql(`create schema if not exists alany;`);
    sql(`revoke all on schema alany from public;`);
    sql(`grant usage on schema alany to alany_app;`);

    sql(
      `create type organisation_kind as enum ('NGO', 'BUSINESS', 'PUBLIC_INSTITUTION', 'MEDIA', 'ACADEMIC', 'PROJECT_OFFICE');`,
    );
    sql(`create type member_role as enum ('MEMBER', 'MODERATOR', 'ADMIN', 'OWNER');`);
    sql(`create type space_visibility as enum ('ORGANISATION', 'NETWORK', 'PUBLIC');`);

    sql(`
      create table organisation (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 60),
        name text not null,
        kind organisation_kind not null,
        description text not null default '',
        city text not null default '',
        country text not null default '',
        created_by uuid not null references app_user (id),
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    sql(`
      create table membership (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        role member_role not null,
        created_at timestamptz not null,
        unique (organisation_id, user_id)
      );`);
    sql(`create index membership_user_id_index on membership (user_id);`);
    sql(`
      create table invitation (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        email citext not null,
        role member_role not null,
        token_hash text not null unique,
        invited_by uuid not null references app_user (id),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        accepted_at timestamptz null,
        accepted_by uuid null references app_user (id),
        revoked_at timestamptz null
      );`);
    sql(
      `create index invitation_organisation_id_index on invitation (organisation_id, created_at desc);`,
    );
    sql(`create index invitation_email_index on invitation (email);`);

    sql(`
      create table network (
        id uuid primary key,
        organisation_id uuid not null references organisation (id),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 60),
        name text not null,
        description text not null default '',
        created_at timestamptz not null
      );`);
    sql(`comment on column network.organisation_id is 'The steward organisation';`);
    sql(`
      create table network_membership (
        id uuid primary key,
        network_id uuid not null references network (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        joined_at timestamptz not null,
        unique (network_id, organisation_id)
      );`);
    sql(
      `create index network_membership_organisation_id_index on network_membership (organisation_id);`,
    );
    sql(`
      create table network_invitation (
        id uuid primary key,
        network_id uuid not null references network (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        invited_by uuid not null references app_user (id),
        created_at timestamptz not null,
        accepted_at timestamptz null,
        revoked_at timestamptz null
      );`);
    sql(`comment on column network_invitation.organisation_id is 'The invited organisation';`);
    sql(
      `create unique index network_invitation_pending_unique on network_invitation (network_id, organisation_id) where accepted_at is null and revoked_at is null;`,
    );

    sql(`
      create table space (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        network_id uuid null references network (id) on delete set null,
        name text not null,
        description text not null default '',
        visibility space_visibility not null,
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (visibility <> 'NETWORK' or network_id is not null)
      );`);
    sql(`create index space_organisation_id_index on space (organisation_id, created_at desc);`);
    sql(`create index space_network_id_index on space (network_id) where network_id is not null;`);
    sql(`create index space_public_index on space (created_at desc) where visibility = 'PUBLIC';`);
    sql(`
      create table space_participant (
        id uuid primary key,
        space_id uuid not null references space (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        created_at timestamptz not null,
        unique (space_id, organisation_id)
      );`);
    sql(
      `comment on column space_participant.organisation_id is 'The organisation the space is shared with';`,
    );
    sql(
      `create index space_participant_organisation_id_index on space_participant (organisation_id);`,
    );

    sql(`
      create table api_token (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        name text not null,
        token_hash text not null unique,
        token_prefix text not null,
        scopes text[] not null check (scopes <@ array['READ', 'WRITE'] and 'READ' = any (scopes)),
        created_by uuid not null references app_user (id),
        created_at timestamptz not null,
        expires_at timestamptz null,
        last_used_at timestamptz null,
        revoked_at timestamptz null
      );`);
    sql(
      `create index api_token_organisation_id_index on api_token (organisation_id, created_at desc);`,
    );

    sql(`
      create table audit_event (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        actor_user_id uuid null references app_user (id) on delete set null,
        actor_token_id uuid null references api_token (id) on delete set null,
        action text not null,
        target_type text not null,
        target_id uuid null,
        data jsonb not null default '{}',
        created_at timestamptz not null
      );`);
    sql(
      `create index audit_event_organisation_id_index on audit_event (organisation_id, created_at desc, id desc);`,
    );

    sql(`
      create table outbox_email (
        id uuid primary key,
        organisation_id uuid null references organisation (id) on delete cascade,
        to_address text not null,
        subject text not null,
        text_body text not null,
        kind text not null,
        created_at timestamptz not null,
        sent_at timestamptz null,
        last_error text null
      );`);
    sql(
      `create index outbox_email_to_address_index on outbox_email (to_address, created_at desc);`,
    );

    // The viewer, from transaction-local settings. Empty settings mean "nobody".
    sql(`
      create function alany.viewer_user_id() returns uuid language sql stable as $$
        select nullif(current_setting('app.user_id', true), '')::uuid
      $$;`);
    sql(`
      create function alany.viewer_token_org_id() returns uuid language sql stable as $$
        select nullif(current_setting('app.token_org_id', true), '')::uuid
      $$;`);
    sql(`
      create function alany.viewer_email() returns citext language sql stable security definer set search_path = public as $$
        select email::citext from app_user where id = alany.viewer_user_id()
      $$;`);
    sql(`
      create function alany.viewer_org_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(organisation_id), '{}') from (
          select organisation_id from membership where user_id = alany.viewer_user_id()
          union
          select alany.viewer_token_org_id() where alany.viewer_token_org_id() is not null
        ) orgs
      $$;`);
    sql(`
      create function alany.viewer_role_rank(org uuid) returns int language sql stable security definer set search_path = public as $$
        select coalesce((
          select case role when 'OWNER' then 4 when 'ADMIN' then 3 when 'MODERATOR' then 2 else 1 end
          from membership where organisation_id = org and user_id = alany.viewer_user_id()
        ), 0)
      $$;`);
    sql(`
      create function alany.viewer_is_admin(org uuid) returns boolean language sql stable as $$
        select alany.viewer_role_rank(org) >= 3
      $$;`);
    sql(`
      create function alany.viewer_network_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct network_id), '{}') from network_membership
        where organisation_id = any (alany.viewer_org_ids())
      $$;`);
    sql(`
      create function alany.viewer_shared_space_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(space_id), '{}') from space_participant
        where organisation_id = any (alany.viewer_org_ids())
      $$;`);
    sql(`
      create function alany.space_owner(target_space uuid) returns uuid language sql stable security definer set search_path = public as $$
        select organisation_id from space where id = target_space
      $$;`);
    sql(`
      create function alany.network_steward(net uuid) returns uuid language sql stable security definer set search_path = public as $$
        select organisation_id from network where id = net
      $$;`);
    sql(`
      create function alany.organisation_has_members(org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (select 1 from membership where organisation_id = org)
      $$;`);
    sql(`
      create function alany.viewer_invited_to(org uuid, invited_role member_role) returns boolean language sql stable security definer set search_path = public as $$
        select exists (
          select 1 from invitation
          where organisation_id = org and role = invited_role and email = alany.viewer_email()
            and accepted_by = alany.viewer_user_id()
        )
      $$;`);
    sql(`
      create function alany.viewer_invited_to_network(net uuid, org uuid) returns boolean language sql stable security definer set search_path = public as $$
        select alany.viewer_is_admin(org) and exists (
          select 1 from network_invitation
          where network_id = net and organisation_id = org and accepted_at is not null and revoked_at is null
        )
      $$;`);
    // Authentication runs before a viewer is known: these two answer only for a matching secret hash.
    sql(`
      create function alany.api_token_by_hash(hash text)
      returns table (id uuid, organisation_id uuid, scopes text[])
      language sql stable security definer set search_path = public as $$
        select id, organisation_id, scopes from api_token
        where token_hash = hash and revoked_at is null and (expires_at is null or expires_at > now())
      $$;`);
    sql(`
      create function alany.touch_api_token(token uuid) returns void language sql volatile security definer set search_path = public as $$
        update api_token set last_used_at = now()
        where id = token and (last_used_at is null or last_used_at < now() - interval '5 minutes')
      $$;`);
    sql(`
      create function alany.invitation_by_hash(hash text)
      returns table (id uuid, organisation_id uuid, email citext, role member_role, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
      language sql stable security definer set search_path = public as $$
        select id, organisation_id, email, role, expires_at, accepted_at, revoked_at from invitation where token_hash = hash
      $$;`);
    sql(`
      create function alany.mark_email_delivered(target_email uuid, failure text) returns void language sql volatile security definer set search_path = public as $$
        update outbox_email set sent_at = case when failure is null then now() else sent_at end, last_error = failure
        where id = target_email
      $$;`);
    sql(`revoke all on all functions in schema alany from public;`);
    sql(`grant execute on all functions in schema alany to alany_app;`);

    // Row-level security, forced so that even the tables' owner obeys it outside migrations.
    const tenantTables = [
      'organisation',
      'membership',
      'invitation',
      'network',
      'network_membership',
      'network_invitation',
      'space',
      'space_participant',
      'api_token',
      'audit_event',
      'outbox_email',
    ];
    for (const table of tenantTables) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
    }

    // Organisations form a public directory (name, kind, city); everything about them is private.
    sql(`create policy organisation_read on organisation for select using (true);`);
    sql(
      `create policy organisation_create on organisation for insert with check (created_by = alany.viewer_user_id());`,
    );
    sql(
      `create policy organisation_update on organisation for update using (alany.viewer_is_admin(id));`,
    );

    sql(
      `create policy membership_read on membership for select using (organisation_id = any (alany.viewer_org_ids()) or user_id = alany.viewer_user_id());`,
    );
    sql(`
      create policy membership_join on membership for insert with check (
        alany.viewer_is_admin(organisation_id)
        or (user_id = alany.viewer_user_id() and role = 'OWNER' and not alany.organisation_has_members(organisation_id))
        or (user_id = alany.viewer_user_id() and alany.viewer_invited_to(organisation_id, role))
      );`);
    sql(
      `create policy membership_update on membership for update using (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy membership_delete on membership for delete using (alany.viewer_is_admin(organisation_id) or user_id = alany.viewer_user_id());`,
    );

    sql(
      `create policy invitation_admin on invitation for all using (alany.viewer_is_admin(organisation_id)) with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy invitation_invitee_read on invitation for select using (email = alany.viewer_email());`,
    );
    sql(
      `create policy invitation_invitee_accept on invitation for update using (email = alany.viewer_email()) with check (accepted_by = alany.viewer_user_id());`,
    );

    sql(
      `create policy network_read on network for select using (organisation_id = any (alany.viewer_org_ids()) or id = any (alany.viewer_network_ids()) or exists (select 1 from network_invitation i where i.network_id = network.id and i.organisation_id = any (alany.viewer_org_ids()) and i.revoked_at is null));`,
    );
    sql(
      `create policy network_create on network for insert with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy network_update on network for update using (alany.viewer_is_admin(organisation_id));`,
    );

    sql(
      `create policy network_membership_read on network_membership for select using (network_id = any (alany.viewer_network_ids()) or alany.network_steward(network_id) = any (alany.viewer_org_ids()));`,
    );
    sql(`
      create policy network_membership_join on network_membership for insert with check (
        (alany.viewer_is_admin(organisation_id) and alany.network_steward(network_id) = organisation_id)
        or alany.viewer_invited_to_network(network_id, organisation_id)
      );`);
    sql(
      `create policy network_membership_leave on network_membership for delete using (alany.viewer_is_admin(organisation_id));`,
    );

    sql(
      `create policy network_invitation_read on network_invitation for select using (organisation_id = any (alany.viewer_org_ids()) or alany.network_steward(network_id) = any (alany.viewer_org_ids()));`,
    );
    sql(
      `create policy network_invitation_create on network_invitation for insert with check (alany.viewer_is_admin(alany.network_steward(network_id)));`,
    );
    sql(
      `create policy network_invitation_update on network_invitation for update using (alany.viewer_is_admin(organisation_id) or alany.viewer_is_admin(alany.network_steward(network_id)));`,
    );

    sql(`
      create policy space_read on space for select using (
        organisation_id = any (alany.viewer_org_ids())
        or visibility = 'PUBLIC'
        or (visibility = 'NETWORK' and network_id = any (alany.viewer_network_ids()))
        or id = any (alany.viewer_shared_space_ids())
      );`);
    sql(
      `create policy space_create on space for insert with check (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy space_update on space for update using (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy space_delete on space for delete using (alany.viewer_is_admin(organisation_id));`,
    );

    sql(
      `create policy space_participant_read on space_participant for select using (organisation_id = any (alany.viewer_org_ids()) or alany.space_owner(space_id) = any (alany.viewer_org_ids()));`,
    );
    sql(
      `create policy space_participant_manage on space_participant for insert with check (alany.viewer_is_admin(alany.space_owner(space_id)));`,
    );
    sql(
      `create policy space_participant_remove on space_participant for delete using (alany.viewer_is_admin(alany.space_owner(space_id)));`,
    );

    sql(
      `create policy api_token_admin on api_token for all using (alany.viewer_is_admin(organisation_id)) with check (alany.viewer_is_admin(organisation_id));`,
    );

    sql(
      `create policy audit_event_read on audit_event for select using (alany.viewer_is_admin(organisation_id));`,
    );
    sql(
      `create policy audit_event_append on audit_event for insert with check (organisation_id = any (alany.viewer_org_ids()) or actor_user_id = alany.viewer_user_id());`,
    );

    sql(
      `create policy outbox_email_read on outbox_email for select using (organisation_id is not null and alany.viewer_is_admin(organisation_id));`,
    );
    sql(`create policy outbox_email_write on outbox_email for insert with check (true);`);

    sql(
      `grant select, insert, update on organisation, invitation, network, network_invitation, api_token to alany_app;`,
    );
    sql(
      `grant select, insert, update, delete on membership, network_membership, space, space_participant to alany_app;`,
    );
    // The audit log is append-only for the application: no update, no delete.
    sql(`grant select, insert on audit_event, outbox_email to alany_app;`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'outbox_email',
      'audit_event',
      'api_token',
      'space_participant',
      'space',
      'network_invitation',
      'network_membership',
      'network',
      'invitation',
      'membership',
      'organisation',
    ]) {
      this.addSql(`drop table if exists ${table} cascade;`);
    }
    this.addSql(`drop schema if exists alany cascade;`);
    this.addSql(`drop type if exists space_visibility, member_role, organisation_kind;`);
  }
}
