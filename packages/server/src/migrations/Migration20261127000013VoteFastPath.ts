import { Migration } from '@mikro-orm/migrations';

/**
 * A whole upvote (or its removal) in one statement: who votes, whether they may, the vote and
 * the exact count. Before, a vote cost eight round trips (token lookup, BEGIN, settings,
 * question, event, participant, vote, COMMIT) and the storm queued on them.
 *
 * The voter is never an argument: it is the participant whose guest token hashes to
 * `guest_hash` (a guest's proof, known only to whoever holds the token), or else the signed-in
 * person's own participant (`viewer_user_id()`, from the transaction's settings, as the
 * row-level policies read them), and in either case a participant of the question's own event.
 * A guest named only in the settings (`app.guest_participant_id`) does not vote here: a guest's
 * vote needs its token's hash. Then the same rules as the application's `visibleQuestion`/`ensureOpen` for a
 * participant: the event is PUBLISHED and has not ended, the question is APPROVED or ANSWERED.
 * Each refusal has its own outcome, so the application raises the same error as before; the
 * question row comes back with the answer, so nothing else needs reading.
 *
 * Each statement of a plpgsql function takes a new snapshot (read committed): the count read
 * after the insert includes it and every vote committed before, the exact count of that moment.
 */
export class Migration20261127000013VoteFastPath extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function alany.cast_vote(target_question uuid, upvote boolean, guest_hash text)
      returns table (
        outcome text, changed int, votes int,
        id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid,
        body text, anonymous boolean, status question_status, pinned boolean, upvote_count int,
        created_at timestamptz, updated_at timestamptz
      )
      language plpgsql volatile security definer set search_path = public as $$
      declare
        q question%rowtype;
        e event%rowtype;
        voter uuid;
        n int := 0;
      begin
        select * into q from question where question.id = target_question;
        if not found then
          outcome := 'NO_QUESTION';
          return next;
          return;
        end if;
        if guest_hash is not null then
          select p.id into voter from event_participant p
          where p.guest_token_hash = guest_hash and p.event_id = q.event_id;
        else
          select p.id into voter from event_participant p
          where p.user_id = alany.viewer_user_id() and p.event_id = q.event_id;
        end if;
        select * into e from event where event.id = q.event_id;
        outcome := case
          when voter is null then 'NO_PARTICIPANT'
          when e.status = 'CANCELLED' then 'EVENT_CANCELLED'
          when e.status <> 'PUBLISHED' then 'EVENT_NOT_PUBLISHED'
          when e.ends_at <= now() then 'EVENT_ENDED'
          when q.status not in ('APPROVED', 'ANSWERED') then 'NOT_VOTABLE'
          else 'OK'
        end;
        if outcome <> 'OK' then
          return next;
          return;
        end if;
        if upvote then
          insert into question_vote (question_id, participant_id, organisation_id, space_id, event_id, created_at)
          values (q.id, voter, q.organisation_id, q.space_id, q.event_id, now())
          on conflict do nothing;
        else
          delete from question_vote v where v.question_id = q.id and v.participant_id = voter;
        end if;
        get diagnostics n = row_count;
        changed := n;
        select count(*)::int into votes from question_vote v where v.question_id = q.id;
        id := q.id;
        organisation_id := q.organisation_id;
        space_id := q.space_id;
        event_id := q.event_id;
        participant_id := q.participant_id;
        body := q.body;
        anonymous := q.anonymous;
        status := q.status;
        pinned := q.pinned;
        upvote_count := votes;
        created_at := q.created_at;
        updated_at := q.updated_at;
        return next;
      end
      $$;`);
    // Votes arriving together (a hall voting at once) are cast together: one statement and one
    // commit for many, each vote still checked, cast and counted on its own, in order, by the
    // function above (its count includes the votes before it in the batch).
    this.addSql(`
      create function alany.cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[])
      returns table (
        seq int, outcome text, changed int, votes int,
        id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid,
        body text, anonymous boolean, status question_status, pinned boolean, upvote_count int,
        created_at timestamptz, updated_at timestamptz
      )
      language plpgsql volatile security definer set search_path = public as $$
      begin
        for i in 1 .. coalesce(array_length(target_questions, 1), 0) loop
          return query select i, v.* from alany.cast_vote(target_questions[i], upvotes[i], guest_hashes[i]) v;
        end loop;
      end
      $$;`);
    this.addSql(`revoke all on function alany.cast_votes(uuid[], boolean[], text[]) from public;`);
    this.addSql(
      `grant execute on function alany.cast_votes(uuid[], boolean[], text[]) to alany_app;`,
    );
    // Votes are cast and taken back only through the function now: the application role keeps
    // reading them (RLS `vote_read`) but no longer writes the table, so a session cannot vote as
    // a guest by naming it in its settings; only the guest's token hash does that.
    this.addSql(`revoke insert, delete on question_vote from alany_app;`);
    this.addSql(`revoke all on function alany.cast_vote(uuid, boolean, text) from public;`);
    this.addSql(`grant execute on function alany.cast_vote(uuid, boolean, text) to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`grant insert, delete on question_vote to alany_app;`);
    this.addSql(`drop function if exists alany.cast_votes(uuid[], boolean[], text[]);`);
    this.addSql(`drop function if exists alany.cast_vote(uuid, boolean, text);`);
  }
}
