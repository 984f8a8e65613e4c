import { Migration } from '@mikro-orm/migrations';

/**
 * Public dialogue events: registration with a waitlist, an audience that joins by code (as
 * guests too), questions with upvotes and a moderation queue, and live polls.
 *
 * Anonymous questions store no participant at all: not the application, not the database, not
 * a backup can tell who asked. Upvotes are rows with one key per question and participant, so
 * they stay exact under any concurrency; the count on the question is refreshed from them.
 */
export class Migration20261127000005Events extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(`create type event_status as enum ('DRAFT', 'PUBLISHED', 'CANCELLED');`);
    sql(`create type question_moderation as enum ('PRE', 'POST');`);
    sql(`create type registration_status as enum ('REGISTERED', 'WAITLISTED', 'CANCELLED');`);
    sql(
      `create type question_status as enum ('PENDING', 'APPROVED', 'REJECTED', 'ANSWERED', 'ARCHIVED');`,
    );
    sql(`create type poll_status as enum ('DRAFT', 'OPEN', 'CLOSED');`);
    sql(`alter table outbox_email add column attachments jsonb not null default '[]';`);

    sql(`
      create table event (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 20000),
        starts_at timestamptz not null,
        ends_at timestamptz not null check (ends_at > starts_at),
        timezone text not null,
        location text not null default '',
        online_url text null,
        capacity int null check (capacity is null or capacity > 0),
        question_moderation question_moderation not null,
        allow_anonymous_questions boolean not null,
        status event_status not null,
        code text null unique check (code is null or code ~ '^[A-HJKMNP-Z2-9]{6}$'),
        created_by uuid null references app_user (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        published_at timestamptz null,
        cancelled_at timestamptz null
      );`);
    sql(`create index event_space_index on event (space_id, starts_at);`);
    sql(`create index event_organisation_index on event (organisation_id, starts_at);`);

    sql(`
      create table event_registration (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        event_id uuid not null references event (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        status registration_status not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    sql(
      `create unique index event_registration_active_index on event_registration (event_id, user_id) where status <> 'CANCELLED';`,
    );
    sql(
      `create index event_registration_waitlist_index on event_registration (event_id, status, created_at);`,
    );

    sql(`
      create table event_participant (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        event_id uuid not null references event (id) on delete cascade,
        user_id uuid null references app_user (id) on delete cascade,
        guest_token_hash text null unique,
        display_name text not null check (length(display_name) between 1 and 80),
        created_at timestamptz not null,
        check ((user_id is null) <> (guest_token_hash is null))
      );`);
    sql(
      `create unique index event_participant_user_index on event_participant (event_id, user_id) where user_id is not null;`,
    );
    // Policies look a viewer's participations up by person or by guest id: one index each, no OR.
    sql(
      `create index event_participant_person_index on event_participant (user_id) where user_id is not null;`,
    );

    sql(`
      create table question (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        event_id uuid not null references event (id) on delete cascade,
        participant_id uuid null references event_participant (id) on delete set null,
        body text not null check (length(body) between 1 and 500),
        anonymous boolean not null,
        status question_status not null,
        pinned boolean not null default false,
        upvote_count int not null default 0,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (not anonymous or participant_id is null)
      );`);
    sql(
      `create index question_event_index on question (event_id, status, upvote_count desc, created_at);`,
    );

    sql(`
      create table question_vote (
        question_id uuid not null references question (id) on delete cascade,
        participant_id uuid not null references event_participant (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        event_id uuid not null references event (id) on delete cascade,
        created_at timestamptz not null,
        primary key (question_id, participant_id)
      );`);

    sql(`
      create table poll (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        event_id uuid not null references event (id) on delete cascade,
        question text not null check (length(question) between 1 and 300),
        multiple_choice boolean not null,
        status poll_status not null,
        created_at timestamptz not null,
        opened_at timestamptz null,
        closed_at timestamptz null
      );`);
    sql(`create index poll_event_index on poll (event_id, created_at);`);
    sql(`
      create table poll_option (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        poll_id uuid not null references poll (id) on delete cascade,
        label text not null check (length(label) between 1 and 200),
        position int not null,
        unique (poll_id, position)
      );`);
    sql(`
      create table poll_ballot (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        poll_id uuid not null references poll (id) on delete cascade,
        participant_id uuid not null references event_participant (id) on delete cascade,
        option_ids uuid[] not null check (cardinality(option_ids) >= 1),
        updated_at timestamptz not null,
        unique (poll_id, participant_id)
      );`);

    // The viewer as an event participant: a signed-in person's rows, or the guest of this request.
    sql(`
      create function alany.viewer_guest_participant_id() returns uuid language sql stable as $$
        select nullif(current_setting('app.guest_participant_id', true), '')::uuid
      $$;`);
    sql(`
      create function alany.viewer_participant_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(id), '{}') from (
          select id from event_participant where user_id = alany.viewer_user_id()
          union all
          select id from event_participant where id = alany.viewer_guest_participant_id()
        ) mine
      $$;`);
    sql(`
      create function alany.viewer_event_ids() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(event_id), '{}') from (
          select event_id from event_participant where user_id = alany.viewer_user_id()
          union all
          select event_id from event_participant where id = alany.viewer_guest_participant_id()
        ) mine
      $$;`);
    // Joining by code happens before the viewer can see the event.
    sql(`
      create function alany.open_event_by_code(join_code text) returns uuid language sql stable security definer set search_path = public as $$
        select id from event where code = upper(join_code) and status = 'PUBLISHED'
      $$;`);
    sql(`
      create function alany.event_by_code(join_code text) returns setof event language sql stable security definer set search_path = public as $$
        select * from event where code = upper(join_code) and status = 'PUBLISHED'
      $$;`);
    // Moving up the waitlist changes someone else's registration: only this function may.
    sql(`
      create function alany.promote_waitlist(target_event uuid) returns uuid language plpgsql volatile security definer set search_path = public as $$
      declare promoted uuid;
      begin
        update event_registration set status = 'REGISTERED', updated_at = now()
        where id = (
          select id from event_registration where event_id = target_event and status = 'WAITLISTED'
          order by created_at, id limit 1
        )
        returning user_id into promoted;
        return promoted;
      end $$;`);
    // Registrants may not see each other, yet capacity depends on all of them.
    sql(`
      create function alany.seats_taken(target_event uuid) returns int language sql stable security definer set search_path = public as $$
        select count(*)::int from event_registration where event_id = target_event and status = 'REGISTERED'
      $$;`);
    sql(`
      create function alany.event_is_published(target_event uuid) returns boolean language sql stable security definer set search_path = public as $$
        select exists (select 1 from event where id = target_event and status = 'PUBLISHED')
      $$;`);
    sql(`
      create function alany.guest_by_hash(hash text) returns table (participant_id uuid, event_id uuid)
      language sql stable security definer set search_path = public as $$
        select id, event_id from event_participant where guest_token_hash = hash
      $$;`);
    // Votes are rows; the count on the question is a cache refreshed after a storm settles (a few
    // times a second), so that 5 000 voters never queue on one row lock. vote_count is exact.
    sql(`
      create function alany.vote_count(target_question uuid) returns int language sql stable security definer set search_path = public as $$
        select count(*)::int from question_vote where question_id = target_question
      $$;`);
    sql(`
      create function alany.vote_counts(target_questions uuid[]) returns table (question_id uuid, votes int)
      language sql stable security definer set search_path = public as $$
        select question_id, count(*)::int from question_vote where question_id = any (target_questions) group by question_id
      $$;`);
    sql(`
      create function alany.refresh_vote_count(target_question uuid) returns int language sql volatile security definer set search_path = public as $$
        update question set upvote_count = (select count(*) from question_vote where question_id = target_question)
        where id = target_question
        returning upvote_count
      $$;`);
    sql(`
      create function alany.poll_results(target_poll uuid) returns table (option_id uuid, votes bigint, ballots bigint)
      language sql stable security definer set search_path = public as $$
        select o.id, count(b.id) filter (where o.id = any (b.option_ids)),
               (select count(*) from poll_ballot where poll_id = target_poll)
        from poll_option o left join poll_ballot b on b.poll_id = o.poll_id
        where o.poll_id = target_poll
        group by o.id
      $$;`);
    sql(`revoke all on all functions in schema alany from public;`);
    sql(`grant execute on all functions in schema alany to alany_app;`);

    const readable = `space_id = any ((select alany.readable_space_ids())::uuid[])`;
    const audience = `(${readable} or event_id = any ((select alany.viewer_event_ids())::uuid[]))`;
    const moderator = `alany.viewer_role_rank(organisation_id) >= 2`;
    const organiser = `alany.viewer_role_rank(organisation_id) >= 3`;
    const mine = `participant_id = any ((select alany.viewer_participant_ids())::uuid[])`;
    const tables = [
      'event',
      'event_registration',
      'event_participant',
      'question',
      'question_vote',
      'poll',
      'poll_option',
      'poll_ballot',
    ];
    for (const table of tables) {
      sql(`alter table ${table} enable row level security;`);
      sql(`alter table ${table} force row level security;`);
    }
    sql(
      `create policy event_read on event for select using ((${readable} and (status <> 'DRAFT' or ${moderator})) or id = any ((select alany.viewer_event_ids())::uuid[]));`,
    );
    sql(`create policy event_write on event for insert with check (${organiser});`);
    sql(`create policy event_update on event for update using (${organiser});`);

    sql(
      `create policy registration_read on event_registration for select using (user_id = alany.viewer_user_id() or ${moderator});`,
    );
    sql(
      `create policy registration_insert on event_registration for insert with check (user_id = alany.viewer_user_id() and ${readable} and alany.event_is_published(event_id));`,
    );
    sql(
      `create policy registration_update on event_registration for update using (user_id = alany.viewer_user_id() or ${organiser});`,
    );

    sql(
      `create policy participant_read on event_participant for select using (id = any ((select alany.viewer_participant_ids())::uuid[]) or ${moderator});`,
    );
    sql(`
      create policy participant_join on event_participant for insert with check (
        alany.event_is_published(event_id) and (
          (user_id = alany.viewer_user_id())
          or (user_id is null and alany.viewer_user_id() is null)
        )
      );`);

    sql(
      `create policy question_read on question for select using (${audience} and (status in ('APPROVED', 'ANSWERED') or ${moderator} or ${mine}));`,
    );
    sql(
      `create policy question_ask on question for insert with check (${audience} and (participant_id is null or ${mine}));`,
    );
    sql(`create policy question_moderate on question for update using (${moderator});`);

    sql(`create policy vote_read on question_vote for select using (${mine});`);
    sql(
      `create policy vote_cast on question_vote for insert with check (${mine} and ${audience});`,
    );
    sql(`create policy vote_remove on question_vote for delete using (${mine});`);

    sql(
      `create policy poll_read on poll for select using (${audience} and (status <> 'DRAFT' or ${moderator}));`,
    );
    sql(`create policy poll_write on poll for insert with check (${moderator});`);
    sql(`create policy poll_update on poll for update using (${moderator});`);
    sql(
      `create policy poll_option_read on poll_option for select using (${readable} or poll_id in (select id from poll));`,
    );
    sql(`create policy poll_option_write on poll_option for insert with check (${moderator});`);
    sql(`create policy ballot_read on poll_ballot for select using (${mine});`);
    sql(`create policy ballot_cast on poll_ballot for insert with check (${mine});`);
    sql(`create policy ballot_change on poll_ballot for update using (${mine});`);

    sql(
      `grant select, insert, update on event, event_registration, question, poll, poll_ballot to alany_app;`,
    );
    sql(`grant select, insert on event_participant, poll_option to alany_app;`);
    sql(`grant select, insert, delete on question_vote to alany_app;`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'poll_ballot',
      'poll_option',
      'poll',
      'question_vote',
      'question',
      'event_participant',
      'event_registration',
      'event',
    ]) {
      this.addSql(`drop table if exists ${table} cascade;`);
    }
    this.addSql(`alter table outbox_email drop column if exists attachments;`);
    this.addSql(
      `drop type if exists poll_status, question_status, registration_status, question_moderation, event_status;`,
    );
  }
}
