import { Migration } from '@mikro-orm/migrations';

/**
 * Discussions: threads, posts (flat replies), edit history, reactions, flags, read markers and
 * notifications, with handles for @mentions. Every table carries the space and its owning
 * organisation, so row-level security can ask one question: may the viewer read (or write in)
 * this space? The readable and writable space sets are computed once per statement (the policy
 * wraps them in a scalar subquery, which PostgreSQL runs as an InitPlan) instead of per row.
 */
export class Migration20261127000003Discussions extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    // Handles for @mentions: letters (any script), digits, dots and underscores.
    sql(`alter table app_user add column handle citext null;`);
    // Existing accounts get a neutral handle; people can choose their own in their profile.
    sql(`update app_user set handle = 'member_' || left(replace(id::text, '-', ''), 12);`);
    sql(`alter table app_user alter column handle set not null;`);
    sql(`alter table app_user add constraint app_user_handle_unique unique (handle);`);

    sql(`create type reaction_kind as enum ('LIKE', 'THANKS', 'INSIGHTFUL', 'AGREE', 'QUESTION');`);

    // Russian and English stemming, plus the 'simple' configuration for Kazakh and anything else.
    sql(`
      create table thread (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        author_id uuid null references app_user (id) on delete set null,
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) <= 20000),
        tags text[] not null default '{}',
        pinned boolean not null default false,
        locked boolean not null default false,
        reply_count int not null default 0,
        last_activity_at timestamptz not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        deleted_at timestamptz null,
        search tsvector generated always as (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('russian', title), 'A') ||
          setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('english', body), 'B') || setweight(to_tsvector('russian', body), 'B') ||
          setweight(to_tsvector('simple', body), 'B')
        ) stored
      );`);
    sql(
      `create index thread_space_activity_index on thread (space_id, pinned desc, last_activity_at desc, id desc) where deleted_at is null;`,
    );
    sql(
      `create index thread_space_created_index on thread (space_id, pinned desc, created_at desc, id desc) where deleted_at is null;`,
    );
    sql(`create index thread_search_index on thread using gin (search);`);
    sql(`create index thread_tags_index on thread using gin (tags);`);
    sql(`create index thread_organisation_id_index on thread (organisation_id);`);

    sql(`
      create table post (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        thread_id uuid not null references thread (id) on delete cascade,
        author_id uuid null references app_user (id) on delete set null,
        reply_to_post_id uuid null references post (id) on delete set null,
        body text not null check (length(body) <= 20000),
        created_at timestamptz not null,
        edited_at timestamptz null,
        deleted_at timestamptz null,
        hidden_at timestamptz null,
        hidden_by uuid null references app_user (id) on delete set null,
        hidden_reason text null,
        search tsvector generated always as (
          to_tsvector('english', body) || to_tsvector('russian', body) || to_tsvector('simple', body)
        ) stored
      );`);
    sql(`create index post_thread_index on post (thread_id, created_at, id);`);
    sql(`create index post_search_index on post using gin (search);`);
    sql(`create index post_organisation_id_index on post (organisation_id);`);
    sql(`create index post_space_id_index on post (space_id);`);

    sql(`
      create table post_revision (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        post_id uuid not null references post (id) on delete cascade,
        body text not null,
        edited_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null
      );`);
    sql(`create index post_revision_post_index on post_revision (post_id, created_at);`);

    sql(`
      create table reaction (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        post_id uuid not null references post (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        kind reaction_kind not null,
        created_at timestamptz not null,
        unique (post_id, user_id, kind)
      );`);

    sql(`
      create table post_flag (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        post_id uuid not null references post (id) on delete cascade,
        flagged_by uuid null references app_user (id) on delete set null,
        reason text not null check (length(reason) between 1 and 500),
        created_at timestamptz not null,
        resolved_at timestamptz null,
        resolved_by uuid null references app_user (id) on delete set null,
        resolution text null
      );`);
    sql(
      `create index post_flag_queue_index on post_flag (organisation_id, created_at desc) where resolved_at is null;`,
    );
    sql(
      `create unique index post_flag_once_index on post_flag (post_id, flagged_by) where resolved_at is null;`,
    );

    sql(`
      create table thread_read (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        thread_id uuid not null references thread (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        last_read_at timestamptz not null,
        unique (thread_id, user_id)
      );`);

    sql(`
      create table notification (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        actor_id uuid null references app_user (id) on delete set null,
        kind text not null,
        thread_id uuid null references thread (id) on delete cascade,
        post_id uuid null references post (id) on delete cascade,
        created_at timestamptz not null,
        read_at timestamptz null
      );`);
    sql(
      `create index notification_user_index on notification (user_id, created_at desc, id desc);`,
    );

    // The spaces the viewer may read, and those it may write in (not PUBLIC-only ones).
    sql(`
      create function alany.readable_space_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(id), '{}') from space
        where organisation_id = any (alany.viewer_org_ids())
           or visibility = 'PUBLIC'
           or (visibility = 'NETWORK' and network_id = any (alany.viewer_network_ids()))
           or id = any (alany.viewer_shared_space_ids())
      $$;`);
    sql(`
      create function alany.writable_space_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(id), '{}') from space
        where organisation_id = any (alany.viewer_org_ids())
           or (visibility = 'NETWORK' and network_id = any (alany.viewer_network_ids()))
           or id = any (alany.viewer_shared_space_ids())
      $$;`);
    // The same rule for someone other than the viewer: may a mentioned person read the space?
    sql(`
      create function alany.user_can_read_space(target_user uuid, target_space uuid) returns boolean
      language sql stable security definer set search_path = public as $$
        select exists (
          select 1 from space s
          where s.id = target_space and (
            s.visibility = 'PUBLIC'
            or exists (
              select 1 from membership m where m.user_id = target_user and (
                m.organisation_id = s.organisation_id
                or exists (select 1 from space_participant p where p.space_id = s.id and p.organisation_id = m.organisation_id)
                or (s.visibility = 'NETWORK' and exists (
                  select 1 from network_membership n where n.network_id = s.network_id and n.organisation_id = m.organisation_id))
              )
            )
          )
        )
      $$;`);
    sql(`grant execute on function alany.user_can_read_space(uuid, uuid) to alany_app;`);
    sql(`revoke all on function alany.user_can_read_space(uuid, uuid) from public;`);
    sql(
      `revoke all on function alany.readable_space_ids(), alany.writable_space_ids() from public;`,
    );
    sql(
      `grant execute on function alany.readable_space_ids(), alany.writable_space_ids() to alany_app;`,
    );

    const readable = `space_id = any ((select alany.readable_space_ids())::uuid[])`;
    const writable = `space_id = any ((select alany.writable_space_ids())::uuid[])`;
    const moderator = `alany.viewer_role_rank(organisation_id) >= 2`;
    const viewer = `alany.viewer_user_id()`;
    for (const table of [
      'thread',
      'post',
      'post_revision',
      'reaction',
      'post_flag',
      'thread_read',
      'notification',
    ]) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
    }
    sql(`create policy thread_read_policy on thread for select using (${readable});`);
    sql(
      `create policy thread_insert on thread for insert with check (${writable} and author_id = ${viewer});`,
    );
    sql(
      `create policy thread_update on thread for update using (${readable} and (author_id = ${viewer} or ${moderator}));`,
    );
    // A reply moves its thread up and counts, whoever writes it: a definer trigger does that.
    sql(`
      create function alany.thread_replied() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        update thread set reply_count = reply_count + 1, last_activity_at = new.created_at where id = new.thread_id;
        return new;
      end $$;`);
    sql(
      `create trigger post_counts_on_thread after insert on post for each row execute function alany.thread_replied();`,
    );

    sql(`create policy post_read on post for select using (${readable});`);
    sql(
      `create policy post_insert on post for insert with check (${writable} and author_id = ${viewer});`,
    );
    sql(
      `create policy post_update on post for update using (${readable} and (author_id = ${viewer} or ${moderator}));`,
    );

    sql(
      `create policy post_revision_read on post_revision for select using (${readable} and (${moderator} or edited_by = ${viewer}));`,
    );
    sql(
      `create policy post_revision_insert on post_revision for insert with check (${readable} and edited_by = ${viewer});`,
    );

    sql(`create policy reaction_read on reaction for select using (${readable});`);
    sql(
      `create policy reaction_write on reaction for insert with check (${writable} and user_id = ${viewer});`,
    );
    sql(`create policy reaction_delete on reaction for delete using (user_id = ${viewer});`);

    sql(
      `create policy post_flag_read on post_flag for select using (${moderator} or flagged_by = ${viewer});`,
    );
    sql(
      `create policy post_flag_insert on post_flag for insert with check (${readable} and flagged_by = ${viewer});`,
    );
    sql(`create policy post_flag_resolve on post_flag for update using (${moderator});`);

    sql(
      `create policy thread_read_marker on thread_read for all using (user_id = ${viewer}) with check (user_id = ${viewer} and ${readable});`,
    );

    sql(`create policy notification_own on notification for select using (user_id = ${viewer});`);
    sql(`create policy notification_mark on notification for update using (user_id = ${viewer});`);
    sql(
      `create policy notification_send on notification for insert with check (actor_id = ${viewer} and ${readable});`,
    );

    sql(`grant select, insert, update on thread, post, post_flag to alany_app;`);
    sql(`grant select, insert on post_revision to alany_app;`);
    sql(`grant select, insert, delete on reaction to alany_app;`);
    sql(`grant select, insert, update, delete on thread_read to alany_app;`);
    sql(`grant select, insert, update on notification to alany_app;`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'notification',
      'thread_read',
      'post_flag',
      'reaction',
      'post_revision',
      'post',
      'thread',
    ]) {
      this.addSql(`drop table if exists ${table} cascade;`);
    }
    this.addSql(`drop function if exists alany.readable_space_ids(), alany.writable_space_ids();`);
    this.addSql(`drop type if exists reaction_kind;`);
    this.addSql(`alter table app_user drop column if exists handle;`);
  }
}
