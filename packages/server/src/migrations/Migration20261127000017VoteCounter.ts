import { Migration } from '@mikro-orm/migrations';
import { Migration20261127000005Events } from './Migration20261127000005Events.js';
import { Migration20261127000013VoteFastPath } from './Migration20261127000013VoteFastPath.js';

/**
 * A question's exact vote count is a row of its own (`question_vote_count`), kept in the very
 * transaction that casts or removes the votes, instead of `count(*)` over the votes after each
 * one: that count grew with the hall (≈ 0.7 ms a vote at 1 300 votes on a question, most of
 * PostgreSQL's work in a storm).
 *
 * - Every change to `question_vote` (insert, delete, update, truncate; cast by the functions
 *   below, or removed by a cascade from a deleted participant, question, event, space or
 *   organisation) moves the counters in the same statement: statement-level triggers add up
 *   their transition tables, so a statement touching a question 500 times writes its counter
 *   once. A question's counter row is created with the question (a trigger) or, for questions
 *   written with triggers off (the bench's seed), counted once from the rows on first use;
 *   until then readers count the rows, so either way the count is the rows' count.
 * - `cast_votes` casts a whole batch in three statements instead of five per vote: it checks
 *   every vote as before, locks the counters of the questions it may vote on (in question order,
 *   so concurrent batches never deadlock; a batch waits for the one before it on the same
 *   question to commit), then casts and counts all of them in one statement. Each vote's count
 *   is the locked counter (every vote committed before) plus the changes of the votes before it
 *   in the batch, its own included: the exact count of that moment, as before. Nobody else
 *   changes the question's votes meanwhile: every vote goes through here, and any other change
 *   (a cascade, the owner's hand) waits for the counter in its trigger before it can commit.
 *   `cast_vote` (a signed-in person's vote, inside their operation's transaction) is a batch of
 *   one, so both follow one rule; it holds the question's counter until that operation commits
 *   (one operation voting on two questions against a batch holding them in the other order is
 *   a deadlock PostgreSQL breaks after `deadlock_timeout`; the application casts a failed batch
 *   again vote by vote).
 * - The votes' organisation, space and event are the question's own: one composite foreign key
 *   to the question checks all four at once (the vote can no longer name another event than its
 *   question's) where four keys checked and locked a row each.
 *
 * The application role reads a counter only where it can read the question and never writes
 * one. `refresh_vote_count`, `vote_count` and `vote_counts` read the counters.
 */
export class Migration20261127000017VoteCounter extends Migration {
  override async up(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);

    sql(
      `alter table question add constraint question_scope_key unique (id, event_id, space_id, organisation_id);`,
    );
    sql(`
      alter table question_vote
        drop constraint question_vote_question_id_fkey,
        drop constraint question_vote_organisation_id_fkey,
        drop constraint question_vote_space_id_fkey,
        drop constraint question_vote_event_id_fkey,
        add constraint question_vote_question_fkey foreign key (question_id, event_id, space_id, organisation_id)
          references question (id, event_id, space_id, organisation_id) on delete cascade;`);

    // Room on each page for the next versions of a counter (HOT updates: no index entry each).
    sql(`
      create table question_vote_count (
        question_id uuid primary key,
        organisation_id uuid not null,
        space_id uuid not null,
        event_id uuid not null,
        votes int not null check (votes >= 0),
        foreign key (question_id, event_id, space_id, organisation_id)
          references question (id, event_id, space_id, organisation_id) on delete cascade
      ) with (fillfactor = 50);`);
    sql(`
      insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
      select q.id, q.organisation_id, q.space_id, q.event_id,
        (select count(*) from question_vote v where v.question_id = q.id)
      from question q;`);
    sql(`alter table question_vote_count enable row level security;`);
    sql(`alter table question_vote_count force row level security;`);
    sql(
      `create policy vote_count_read on question_vote_count for select using (question_id in (select id from question));`,
    );
    sql(`grant select on question_vote_count to alany_app;`);

    sql(`
      create function alany.keep_vote_counts() returns trigger
      language plpgsql security definer set search_path = public as $$
      begin
        if tg_op = 'INSERT' then
          update question_vote_count c set votes = c.votes + d.n
          from (select question_id, count(*)::int as n from new_votes group by question_id) d
          where c.question_id = d.question_id;
        elsif tg_op = 'DELETE' then
          update question_vote_count c set votes = c.votes - d.n
          from (select question_id, count(*)::int as n from old_votes group by question_id) d
          where c.question_id = d.question_id;
        elsif tg_op = 'UPDATE' then
          update question_vote_count c set votes = c.votes + d.n
          from (
            select question_id, sum(n)::int as n from (
              select question_id, 1 as n from new_votes
              union all
              select question_id, -1 as n from old_votes
            ) moved group by question_id
          ) d
          where c.question_id = d.question_id and d.n <> 0;
        else
          update question_vote_count set votes = 0 where votes <> 0;
        end if;
        return null;
      end
      $$;`);
    sql(
      `create trigger question_vote_counted_insert after insert on question_vote referencing new table as new_votes for each statement execute function alany.keep_vote_counts();`,
    );
    sql(
      `create trigger question_vote_counted_delete after delete on question_vote referencing old table as old_votes for each statement execute function alany.keep_vote_counts();`,
    );
    sql(
      `create trigger question_vote_counted_update after update on question_vote referencing old table as old_votes new table as new_votes for each statement execute function alany.keep_vote_counts();`,
    );
    sql(
      `create trigger question_vote_counted_truncate after truncate on question_vote for each statement execute function alany.keep_vote_counts();`,
    );
    sql(`
      create function alany.start_vote_counts() returns trigger
      language plpgsql security definer set search_path = public as $$
      begin
        insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
        select q.id, q.organisation_id, q.space_id, q.event_id, 0 from new_questions q
        on conflict do nothing;
        return null;
      end
      $$;`);
    sql(
      `create trigger question_vote_count_started after insert on question referencing new table as new_questions for each statement execute function alany.start_vote_counts();`,
    );
    sql(`revoke all on function alany.keep_vote_counts() from public;`);
    sql(`revoke all on function alany.start_vote_counts() from public;`);

    // The votes before each in the batch, its own included, count in its answer; a vote that
    // changes nothing (again, or taking back what was never cast) answers the count as it is.
    sql(`
      create or replace function alany.cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[])
      returns table (
        seq int, outcome text, changed int, votes int,
        id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid,
        body text, anonymous boolean, status question_status, pinned boolean, upvote_count int,
        created_at timestamptz, updated_at timestamptz
      )
      language plpgsql volatile security definer set search_path = public as $$
      #variable_conflict use_column
      declare
        voters uuid[];
        outcomes text[];
        votable uuid[];
        locked int;
      begin
        -- Who votes and whether they may, for every vote: the same rules as before.
        select array_agg(c.voter order by c.i), array_agg(c.outcome order by c.i),
               array_agg(distinct c.question_id) filter (where c.outcome = 'OK')
        into voters, outcomes, votable
        from (
          select a.i, a.question_id, voter.id as voter,
            case
              when q.id is null then 'NO_QUESTION'
              when voter.id is null then 'NO_PARTICIPANT'
              when e.status = 'CANCELLED' then 'EVENT_CANCELLED'
              when e.status <> 'PUBLISHED' then 'EVENT_NOT_PUBLISHED'
              when e.ends_at <= now() then 'EVENT_ENDED'
              when q.status not in ('APPROVED', 'ANSWERED') then 'NOT_VOTABLE'
              else 'OK'
            end as outcome
          from unnest(target_questions, guest_hashes) with ordinality as a(question_id, hash, i)
          left join question q on q.id = a.question_id
          left join event e on e.id = q.event_id
          left join lateral (
            select case
              when a.hash is not null then (
                select p.id from event_participant p
                where p.guest_token_hash = a.hash and p.event_id = q.event_id)
              else (
                select p.id from event_participant p
                where p.user_id = alany.viewer_user_id() and p.event_id = q.event_id)
            end as id
          ) voter on true
          where a.i <= coalesce(array_length(target_questions, 1), 0)
        ) c;
        -- Only the counters of questions this batch votes on, in one order for every batch.
        if votable is not null then
          perform 1 from question_vote_count c where c.question_id = any (votable)
          order by c.question_id for update;
          get diagnostics locked = row_count;
          if locked < cardinality(votable) then
            insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
            select q.id, q.organisation_id, q.space_id, q.event_id,
              (select count(*) from question_vote v where v.question_id = q.id)
            from question q where q.id = any (votable)
            on conflict do nothing;
            perform 1 from question_vote_count c where c.question_id = any (votable)
            order by c.question_id for update;
          end if;
        end if;
        return query
        with ballot as (
          select a.i::int as i, a.question_id, coalesce(a.upvote, false) as upvote, a.voter, a.outcome
          from unnest(target_questions, upvotes, voters, outcomes) with ordinality
            as a(question_id, upvote, voter, outcome, i)
          where a.i <= coalesce(array_length(target_questions, 1), 0)
        ),
        cast_ballot as (
          select b.i, b.question_id, b.voter, b.upvote,
            exists (
              select 1 from question_vote v where v.question_id = b.question_id and v.participant_id = b.voter
            ) as existed,
            lag(b.upvote) over pair as previous,
            row_number() over (partition by b.question_id, b.voter order by b.i desc) = 1 as last
          from ballot b
          where b.outcome = 'OK'
          window pair as (partition by b.question_id, b.voter order by b.i)
        ),
        counted as (
          select s.i, (s.upvote <> coalesce(s.previous, s.existed))::int as changed,
            n.votes + sum(
              case when s.upvote = coalesce(s.previous, s.existed) then 0 when s.upvote then 1 else -1 end
            ) over (partition by s.question_id order by s.i) as votes
          from cast_ballot s join question_vote_count n on n.question_id = s.question_id
        ),
        added as (
          insert into question_vote (question_id, participant_id, organisation_id, space_id, event_id, created_at)
          select q.id, s.voter, q.organisation_id, q.space_id, q.event_id, now()
          from cast_ballot s join question q on q.id = s.question_id
          where s.last and s.upvote and not s.existed
          on conflict do nothing
        ),
        removed as (
          delete from question_vote v using cast_ballot s
          where s.last and not s.upvote and v.question_id = s.question_id and v.participant_id = s.voter
        )
        select b.i, b.outcome, n.changed, n.votes::int,
          q.id, q.organisation_id, q.space_id, q.event_id, q.participant_id, q.body, q.anonymous,
          q.status, q.pinned, n.votes::int, q.created_at, q.updated_at
        from ballot b
        left join counted n on n.i = b.i
        left join question q on q.id = b.question_id and b.outcome = 'OK'
        order by b.i;
      end
      $$;`);
    sql(`
      create or replace function alany.cast_vote(target_question uuid, upvote boolean, guest_hash text)
      returns table (
        outcome text, changed int, votes int,
        id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid,
        body text, anonymous boolean, status question_status, pinned boolean, upvote_count int,
        created_at timestamptz, updated_at timestamptz
      )
      language plpgsql volatile security definer set search_path = public as $$
      begin
        return query
        select v.outcome, v.changed, v.votes, v.id, v.organisation_id, v.space_id, v.event_id,
          v.participant_id, v.body, v.anonymous, v.status, v.pinned, v.upvote_count,
          v.created_at, v.updated_at
        from alany.cast_votes(array[target_question], array[upvote], array[guest_hash]) v;
      end
      $$;`);

    // Readers: the counter, or the rows for a question that has none yet.
    sql(`
      create or replace function alany.vote_count(target_question uuid) returns int language sql stable security definer set search_path = public as $$
        select coalesce(
          (select votes from question_vote_count where question_id = target_question),
          (select count(*)::int from question_vote where question_id = target_question)
        )
      $$;`);
    sql(`
      create or replace function alany.vote_counts(target_questions uuid[]) returns table (question_id uuid, votes int)
      language sql stable security definer set search_path = public as $$
        select counted.question_id, counted.votes from (
          select q.id as question_id, coalesce(
            c.votes,
            (select count(*)::int from question_vote v where v.question_id = q.id)
          ) as votes
          from (select distinct unnest(target_questions) as id) q
          left join question_vote_count c on c.question_id = q.id
        ) counted
        where counted.votes > 0
      $$;`);
    sql(`
      create or replace function alany.refresh_vote_count(target_question uuid) returns int language sql volatile security definer set search_path = public as $$
        update question set upvote_count = alany.vote_count(target_question)
        where id = target_question
        returning upvote_count
      $$;`);
  }

  override async down(): Promise<void> {
    const sql = (statement: string) => this.addSql(statement);
    // The functions exactly as the migrations that made them wrote them: their own statements.
    const restored = [
      ...(await recreated(new Migration20261127000013VoteFastPath(this.driver, this.config), [
        'cast_vote',
        'cast_votes',
      ])),
      ...(await recreated(new Migration20261127000005Events(this.driver, this.config), [
        'vote_count',
        'vote_counts',
        'refresh_vote_count',
      ])),
    ];
    for (const statement of restored) sql(statement);

    sql(`drop trigger if exists question_vote_count_started on question;`);
    for (const event of ['insert', 'delete', 'update', 'truncate'])
      sql(`drop trigger if exists question_vote_counted_${event} on question_vote;`);
    sql(`drop function if exists alany.start_vote_counts();`);
    sql(`drop function if exists alany.keep_vote_counts();`);
    sql(`drop table if exists question_vote_count;`);

    sql(`
      alter table question_vote
        drop constraint question_vote_question_fkey,
        add constraint question_vote_question_id_fkey foreign key (question_id) references question (id) on delete cascade,
        add constraint question_vote_organisation_id_fkey foreign key (organisation_id) references organisation (id) on delete cascade,
        add constraint question_vote_space_id_fkey foreign key (space_id) references space (id) on delete cascade,
        add constraint question_vote_event_id_fkey foreign key (event_id) references event (id) on delete cascade;`);
    sql(`alter table question drop constraint question_scope_key;`);
  }
}

/**
 * The statements by which a released migration's `up` created these `alany` functions, as
 * `create or replace` (their grants stay as they are).
 */
async function recreated(migration: Migration, functions: string[]): Promise<string[]> {
  await migration.up();
  const statements = migration.getQueries().map(String);
  return functions.map((name) => {
    const statement = statements.find((text) => text.includes(`create function alany.${name}(`));
    if (!statement) throw new Error(`No statement creates alany.${name}`);
    return statement.replace(
      `create function alany.${name}(`,
      `create or replace function alany.${name}(`,
    );
  });
}
