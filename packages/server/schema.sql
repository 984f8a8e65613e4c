--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: alany; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA alany;

--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

--
-- Name: assessment_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.assessment_status AS ENUM (
    'DRAFT',
    'ACTIVE',
    'ARCHIVED'
);

--
-- Name: event_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.event_status AS ENUM (
    'DRAFT',
    'PUBLISHED',
    'CANCELLED'
);

--
-- Name: locale; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.locale AS ENUM (
    'kk',
    'ru',
    'en'
);

--
-- Name: member_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.member_role AS ENUM (
    'MEMBER',
    'MODERATOR',
    'ADMIN',
    'OWNER'
);

--
-- Name: mitigation_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.mitigation_status AS ENUM (
    'PLANNED',
    'IN_PROGRESS',
    'DONE'
);

--
-- Name: organisation_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.organisation_kind AS ENUM (
    'NGO',
    'BUSINESS',
    'PUBLIC_INSTITUTION',
    'MEDIA',
    'ACADEMIC',
    'PROJECT_OFFICE'
);

--
-- Name: poll_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.poll_status AS ENUM (
    'DRAFT',
    'OPEN',
    'CLOSED'
);

--
-- Name: question_moderation; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.question_moderation AS ENUM (
    'PRE',
    'POST'
);

--
-- Name: question_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.question_status AS ENUM (
    'PENDING',
    'APPROVED',
    'REJECTED',
    'ANSWERED',
    'ARCHIVED'
);

--
-- Name: reaction_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.reaction_kind AS ENUM (
    'LIKE',
    'THANKS',
    'INSIGHTFUL',
    'AGREE',
    'QUESTION'
);

--
-- Name: registration_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.registration_status AS ENUM (
    'REGISTERED',
    'WAITLISTED',
    'CANCELLED'
);

--
-- Name: report_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.report_status AS ENUM (
    'RECEIVED',
    'TRIAGED',
    'INVESTIGATING',
    'RESOLVED',
    'DISMISSED'
);

--
-- Name: resource_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.resource_kind AS ENUM (
    'DOCUMENT',
    'TEMPLATE',
    'TOOLKIT',
    'STUDY',
    'LINK',
    'DATASET'
);

--
-- Name: resource_language; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.resource_language AS ENUM (
    'KK',
    'RU',
    'EN',
    'MULTILINGUAL',
    'OTHER'
);

--
-- Name: risk_sector; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.risk_sector AS ENUM (
    'HEALTH',
    'EDUCATION',
    'CONSTRUCTION',
    'LAND',
    'PROCUREMENT',
    'SOCIAL_BENEFITS',
    'LOCAL_GOVERNMENT',
    'OTHER'
);

--
-- Name: space_visibility; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.space_visibility AS ENUM (
    'ORGANISATION',
    'NETWORK',
    'PUBLIC'
);

--
-- Name: api_token_by_hash(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.api_token_by_hash(hash text) RETURNS TABLE(id uuid, organisation_id uuid, scopes text[], expires_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id, organisation_id, scopes, expires_at from api_token
        where token_hash = hash and revoked_at is null and (expires_at is null or expires_at > now())
      $$;

--
-- Name: begin_session(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.begin_session(secret_hash text) RETURNS TABLE(viewer_user_id uuid, viewer_session_id uuid, viewer_locale public.locale)
    LANGUAGE plpgsql
    SET search_path TO 'public'
    AS $$
      declare
        found record;
      begin
        select s.id, s.user_id, s.last_seen_at, u.locale into found
        from user_session s join app_user u on u.id = s.user_id
        where s.token_hash = secret_hash and s.revoked_at is null and s.expires_at > now();
        perform set_config('app.user_id', coalesce(found.user_id::text, ''), true),
          set_config('app.token_org_id', '', true),
          set_config('app.guest_participant_id', '', true);
        if found.id is null then
          return;
        end if;
        if found.last_seen_at < now() - interval '5 minutes' then
          update user_session set last_seen_at = now() where id = found.id;
        end if;
        return query select found.user_id, found.id, found.locale;
      end
      $$;

--
-- Name: cast_vote(uuid, boolean, text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.cast_vote(target_question uuid, upvote boolean, guest_hash text) RETURNS TABLE(outcome text, changed integer, votes integer, id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid, body text, anonymous boolean, status public.question_status, pinned boolean, upvote_count integer, created_at timestamp with time zone, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        return query
        select v.outcome, v.changed, v.votes, v.id, v.organisation_id, v.space_id, v.event_id,
          v.participant_id, v.body, v.anonymous, v.status, v.pinned, v.upvote_count,
          v.created_at, v.updated_at
        from alany.cast_votes(array[target_question], array[upvote], array[guest_hash]) v;
      end
      $$;

--
-- Name: cast_votes(uuid[], boolean[], text[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[]) RETURNS TABLE(seq integer, outcome text, changed integer, votes integer, id uuid, organisation_id uuid, space_id uuid, event_id uuid, participant_id uuid, body text, anonymous boolean, status public.question_status, pinned boolean, upvote_count integer, created_at timestamp with time zone, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
      $$;

--
-- Name: claim_report_attachments(uuid, uuid, text[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.claim_report_attachments(report uuid, message uuid, keys text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      declare claimed integer;
      begin
        update report_attachment a
        set organisation_id = r.organisation_id, report_id = r.id, message_id = message, upload_key = null
        from integrity_report r
        where r.id = report and a.upload_key = any(keys) and a.uploaded_on >= current_date - 1;
        get diagnostics claimed = row_count;
        return claimed;
      end $$;

--
-- Name: drop_handler_of_ended_membership(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.drop_handler_of_ended_membership() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        delete from report_handler where organisation_id = old.organisation_id and user_id = old.user_id;
        return old;
      end
      $$;

SET default_table_access_method = heap;

--
-- Name: event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    timezone text NOT NULL,
    location text DEFAULT ''::text NOT NULL,
    online_url text,
    capacity integer,
    question_moderation public.question_moderation NOT NULL,
    allow_anonymous_questions boolean NOT NULL,
    status public.event_status NOT NULL,
    code text,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    CONSTRAINT event_capacity_check CHECK (((capacity IS NULL) OR (capacity > 0))),
    CONSTRAINT event_check CHECK ((ends_at > starts_at)),
    CONSTRAINT event_code_check CHECK (((code IS NULL) OR (code ~ '^[A-HJKMNP-Z2-9]{6}$'::text))),
    CONSTRAINT event_description_check CHECK ((length(description) <= 20000)),
    CONSTRAINT event_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

ALTER TABLE ONLY public.event FORCE ROW LEVEL SECURITY;

--
-- Name: event_by_code(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.event_by_code(join_code text) RETURNS SETOF public.event
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select * from event where code = upper(join_code) and status = 'PUBLISHED'
      $$;

--
-- Name: event_guests(uuid, uuid[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.event_guests(target_event uuid, participants uuid[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id from event_participant
        where event_id = target_event and id = any (participants) and guest_token_hash is not null
      $$;

--
-- Name: event_is_published(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.event_is_published(target_event uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select exists (select 1 from event where id = target_event and status = 'PUBLISHED')
      $$;

--
-- Name: fellow_handlers(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.fellow_handlers(org uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select user_id from report_handler where organisation_id = org and alany.viewer_is_handler(org)
      $$;

--
-- Name: guest_by_hash(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.guest_by_hash(hash text) RETURNS TABLE(participant_id uuid, event_id uuid, event_ends_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select p.id, p.event_id, e.ends_at
        from event_participant p join event e on e.id = p.event_id
        where p.guest_token_hash = hash
      $$;

--
-- Name: invitation_by_hash(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.invitation_by_hash(hash text) RETURNS TABLE(id uuid, organisation_id uuid, email public.citext, role public.member_role, expires_at timestamp with time zone, accepted_at timestamp with time zone, revoked_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id, organisation_id, email, role, expires_at, accepted_at, revoked_at from invitation where token_hash = hash
      $$;

--
-- Name: is_member_of(uuid, uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.is_member_of(target_user uuid, org uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select exists (select 1 from membership where user_id = target_user and organisation_id = org)
      $$;

--
-- Name: join_as_guest(text, uuid, text, text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.join_as_guest(join_code text, participant uuid, name text, token_hash text) RETURNS uuid
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        insert into event_participant (id, organisation_id, space_id, event_id, user_id, guest_token_hash, display_name, created_at)
        select participant, organisation_id, space_id, id, null, token_hash, name, now()
        from event where code = upper(join_code) and status = 'PUBLISHED' and ends_at > now()
        returning event_id
      $$;

--
-- Name: keep_an_owner(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.keep_an_owner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        if exists (select 1 from membership where organisation_id = old.organisation_id)
           and not exists (select 1 from membership where organisation_id = old.organisation_id and role = 'OWNER') then
          raise exception 'organisation % would have no owner', old.organisation_id using errcode = 'check_violation';
        end if;
        return null;
      end $$;

--
-- Name: keep_vote_counts(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.keep_vote_counts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
      $$;

--
-- Name: mark_email_delivered(uuid, text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.mark_email_delivered(target_email uuid, failure text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        update outbox_email set sent_at = case when failure is null then now() else sent_at end, last_error = failure
        where id = target_email
      $$;

--
-- Name: network_steward(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.network_steward(net uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select organisation_id from network where id = net
);
end$$;

--
-- Name: open_event_by_code(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.open_event_by_code(join_code text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id from event where code = upper(join_code) and status = 'PUBLISHED'
      $$;

--
-- Name: organisation_has_members(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.organisation_has_members(org uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select exists (select 1 from membership where organisation_id = org)
      $$;

--
-- Name: poll_results(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.poll_results(target_poll uuid) RETURNS TABLE(option_id uuid, votes bigint, ballots bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select o.id, count(b.id) filter (where o.id = any (b.option_ids)),
               (select count(*) from poll_ballot where poll_id = target_poll)
        from poll_option o left join poll_ballot b on b.poll_id = o.poll_id
        where o.poll_id = target_poll
        group by o.id
      $$;

--
-- Name: promote_waitlist(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.promote_waitlist(target_event uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
      end $$;

--
-- Name: public_risk_summary(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.public_risk_summary(target uuid) RETURNS TABLE(assessment_id uuid, title text, subject text, sector public.risk_sector, region text, period text, published_at timestamp with time zone, risk_title text, likelihood smallint, impact smallint, residual_likelihood smallint, residual_impact smallint, mitigations_total bigint, mitigations_done bigint, mitigations_overdue bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select a.id, a.title, a.subject, a.sector, a.region, a.period, a.published_at,
               r.title, r.likelihood, r.impact, r.residual_likelihood, r.residual_impact,
               (select count(*) from mitigation m where m.risk_id = r.id),
               (select count(*) from mitigation m where m.risk_id = r.id and m.status = 'DONE'),
               (select count(*) from mitigation m where m.risk_id = r.id and m.status <> 'DONE' and m.due_date < current_date)
        from risk_assessment a left join risk r on r.assessment_id = a.id
        where a.id = target and a.published_at is not null and a.status <> 'DRAFT'
        order by r.likelihood * r.impact desc nulls last, r.created_at
      $$;

--
-- Name: question_author_name(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.question_author_name() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        if tg_op = 'UPDATE' then
          new.author_name := old.author_name;
        elsif new.anonymous or new.participant_id is null then
          new.author_name := null;
        else
          new.author_name := (select display_name from event_participant where id = new.participant_id);
        end if;
        return new;
      end
      $$;

--
-- Name: readable_space_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.readable_space_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(id), '{}') from space
        where organisation_id = any ((select alany.viewer_org_ids())::uuid[])
           or visibility = 'PUBLIC'
           or (visibility = 'NETWORK' and network_id = any ((select alany.viewer_network_ids())::uuid[]))
           or id = any ((select alany.viewer_shared_space_ids())::uuid[])
);
end$$;

--
-- Name: refresh_vote_count(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.refresh_vote_count(target_question uuid) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        update question set upvote_count = alany.vote_count(target_question)
        where id = target_question
        returning upvote_count
      $$;

--
-- Name: report_attachments_for_reporter(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.report_attachments_for_reporter(report uuid) RETURNS TABLE(id uuid, message_id uuid, media_type text, size integer, file_name bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id, message_id, media_type, size, file_name from report_attachment
        where report_id = report and (message_id is null or message_id in (select m.id from report_message m where m.report_id = report and not m.internal))
        order by position
      $$;

--
-- Name: report_for_receipt(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.report_for_receipt(lookup text) RETURNS TABLE(id uuid, organisation_id uuid, receipt_hash text, status public.report_status, category text, payload bytea, submitted_on date, acknowledged_on date, last_handler_message_on date, updated_on date)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id, organisation_id, receipt_hash, status, category, payload, submitted_on, acknowledged_on, last_handler_message_on, updated_on
        from integrity_report where receipt_lookup = lookup
      $$;

--
-- Name: report_messages_for_reporter(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.report_messages_for_reporter(report uuid) RETURNS TABLE(id uuid, from_reporter boolean, body bytea, sent_on date)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select id, from_reporter, body, sent_on from report_message where report_id = report and not internal order by position
      $$;

--
-- Name: reporter_reply(uuid, uuid, bytea); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.reporter_reply(report uuid, message uuid, sealed bytea) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        insert into report_message (id, organisation_id, report_id, from_reporter, body, sent_on)
        select message, organisation_id, id, true, sealed, current_date from integrity_report where id = report;
        update integrity_report set updated_on = current_date where id = report;
      $$;

--
-- Name: reporting_open(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.reporting_open(org uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select coalesce((select enabled from reporting_config where organisation_id = org), false)
      $$;

--
-- Name: search_fold(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        select pg_catalog.translate(pg_catalog.lower(t), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘІҢҒҮҰҚӨҺё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяәіңғүұқөһе')
      $$;

--
-- Name: search_post_hits(tsquery, uuid[], integer); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_post_hits(q tsquery, spaces uuid[], n integer) RETURNS TABLE(id uuid, thread_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
        declare
          allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));
        begin
          return query execute $sql$
      select p.id, p.thread_id, ts_rank('{0.05, 0.1, 0.2, 1.0}'::float4[], p.search, $1)
      from public.post p
      where p.search @@ $1 and p.space_id = any($2) and p.deleted_at is null and p.hidden_at is null
        and exists (select 1 from public.thread t
          where t.id = p.thread_id and t.space_id = any($2) and t.deleted_at is null)
      order by 3 desc, 1 limit $3$sql$ using q, allowed, n;
        end
        $_$;

--
-- Name: search_resource_hits(tsquery, uuid[], integer); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_resource_hits(q tsquery, spaces uuid[], n integer) RETURNS TABLE(id uuid, thread_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
        declare
          allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));
        begin
          return query execute $sql$
      select h.id, null::uuid, max(h.rank)
      from (
        select r.id, ts_rank('{0.05, 0.1, 0.2, 1.0}'::float4[], r.search, $1) as rank
        from public.resource r where r.search @@ $1 and r.space_id = any($2)
        union all
        select r.id, ts_rank('{0.05, 0.1, 0.2, 1.0}'::float4[], r.search, $1)
        from public.resource_version v join public.resource r on r.id = v.resource_id
        where v.search @@ $1 and v.space_id = any($2) and r.space_id = any($2)
      ) h
      group by h.id
      order by 3 desc, 1 limit $3$sql$ using q, allowed, n;
        end
        $_$;

--
-- Name: search_resource_typos(text, uuid[], integer); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_resource_typos(fq text, spaces uuid[], n integer) RETURNS TABLE(id uuid, thread_id uuid, rank real)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
        declare
          allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));
        begin
          perform pg_catalog.set_config('pg_trgm.word_similarity_threshold', '0.5', true);
          return query execute $sql$
      select r.id, null::uuid, (0.001 * word_similarity($1, alany.search_fold(r.title || ' ' || r.description)))::real
      from public.resource r
      where $1 <% alany.search_fold(r.title || ' ' || r.description) and r.space_id = any($2)
      order by 3 desc, 1 limit $3$sql$ using fq, allowed, n;
        end
        $_$;

--
-- Name: search_stems(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_stems(t text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        select coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(s.stem)
            || ':' || pg_catalog.array_to_string(v.positions, ','), ' '), '')::tsvector
        from pg_catalog.unnest(pg_catalog.to_tsvector('simple', alany.search_fold(t))) v,
          pg_catalog.unnest(alany.search_word_stems(v.lexeme)) s(stem)
      $$;

--
-- Name: search_stems_query(text, boolean); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_stems_query(q text, prefix boolean) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        select pg_catalog.to_tsquery('simple', coalesce(pg_catalog.string_agg(w.alternatives,
            case when prefix then ' | ' else ' & ' end), ''))
        from (
          select '(' || pg_catalog.string_agg(pg_catalog.quote_literal(f.form)
              || case when prefix then ':*' else '' end, ' | ') || ')' as alternatives
          from pg_catalog.unnest(pg_catalog.tsvector_to_array(pg_catalog.to_tsvector('simple', alany.search_fold(q)))) l(lexeme),
            pg_catalog.unnest(l.lexeme || alany.search_word_stems(l.lexeme)) f(form)
          group by l.lexeme
        ) w
      $$;

--
-- Name: search_thread_hits(tsquery, uuid[], integer); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_thread_hits(q tsquery, spaces uuid[], n integer) RETURNS TABLE(id uuid, thread_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
        declare
          allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));
        begin
          return query execute $sql$
      select t.id, t.id, ts_rank('{0.05, 0.1, 0.2, 1.0}'::float4[], t.search, $1)
      from public.thread t
      where t.search @@ $1 and t.space_id = any($2) and t.deleted_at is null
      order by 3 desc, 1 limit $3$sql$ using q, allowed, n;
        end
        $_$;

--
-- Name: search_thread_typos(text, uuid[], integer); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_thread_typos(fq text, spaces uuid[], n integer) RETURNS TABLE(id uuid, thread_id uuid, rank real)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
        declare
          allowed uuid[] := array(select unnest(spaces) intersect select unnest(alany.readable_space_ids()));
        begin
          perform pg_catalog.set_config('pg_trgm.word_similarity_threshold', '0.5', true);
          return query execute $sql$
      select t.id, t.id, (0.001 * word_similarity($1, alany.search_fold(t.title || ' ' || t.body)))::real
      from public.thread t
      where $1 <% alany.search_fold(t.title || ' ' || t.body)
        and t.space_id = any($2) and t.deleted_at is null
      order by 3 desc, 1 limit $3$sql$ using fq, allowed, n;
        end
        $_$;

--
-- Name: search_word_stems(text); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.search_word_stems(w text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
      declare
        stems text[] := '{}';
        flat text := pg_catalog.translate(w, 'әіңғүұқөһ', 'аингуукох');
        stem text := flat;
        other text;
        ending text;
      begin
        if flat !~ '^[а-я]+$' then
          return stems;
        end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:редзис|реднис|радзыс|радныс|зиб|ниб|зыб|ныб|рид|рыд|зим|ним|зым|ным|зип|нип|зып|нып|зис|нис|зыс|ныс|рит|рыт)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ыгадн|игедн|ыгад|игед|ыгат|игет|неб|над|нед|нид|ныд|нем|нан|адн|едн|нен|нин|нын|неп|нат|нет|нит|ныт|аг|ег|ад|ед|ид|ыд|ни|ак|ек|ан|ен|ин|ын|ат|ет|ит|ыт|аш|еш|ны|а|е|н)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('а', 'е', 'н') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:зими|зини|зымы|зыны|зим|зым|зин|зын|ми|ни|ис|ыс|мы|ны|и|м|н|ы)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('м', 'н', 'ы', 'и') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:рад|ред|рал|рел|рат|рет)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:килиш|кылыш|уад|уед|гид|кид|гыд|кыд|уал|уел|гил|кил|гыл|кыл|уат|ует|гит|кит|гыт|кыт|лиш|лыш|иг|ыг|ик|ык|ил|ыл|иш|ыш)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ныта|ните|нитй|нытй|наг|нег|нак|нек|кам|кем|пи|пы|п|у)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('п', 'у') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ли|лы|л)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('л') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
        -- Again without the case slot: бюджеті is бюджет + possessive -і, not бюдже + -ті.
        stem := flat;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:редзис|реднис|радзыс|радныс|зиб|ниб|зыб|ныб|рид|рыд|зим|ним|зым|ным|зип|нип|зып|нып|зис|нис|зыс|ныс|рит|рыт)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:зими|зини|зымы|зыны|зим|зым|зин|зын|ми|ни|ис|ыс|мы|ны|и|м|н|ы)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('м', 'н', 'ы', 'и') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:рад|ред|рал|рел|рат|рет)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:килиш|кылыш|уад|уед|гид|кид|гыд|кыд|уал|уел|гил|кил|гыл|кыл|уат|ует|гит|кит|гыт|кыт|лиш|лыш|иг|ыг|ик|ык|ил|ыл|иш|ыш)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ныта|ните|нитй|нытй|наг|нег|нак|нек|кам|кем|пи|пы|п|у)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('п', 'у') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ли|лы|л)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('л') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
        -- And with the noun's endings left out: жөнделген is a participle, not жөнделге + -н.
        stem := flat;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:рад|ред|рал|рел|рат|рет)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:килиш|кылыш|уад|уед|гид|кид|гыд|кыд|уал|уел|гил|кил|гыл|кыл|уат|ует|гит|кит|гыт|кыт|лиш|лыш|иг|ыг|ик|ык|ил|ыл|иш|ыш)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ныта|ните|нитй|нытй|наг|нег|нак|нек|кам|кем|пи|пы|п|у)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('п', 'у') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:ли|лы|л)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('л') then
              other := pg_catalog.left(stem, -1);
            if pg_catalog.right(other, 1) in ('б', 'г') then
              other := pg_catalog.left(other, -1) || pg_catalog.translate(pg_catalog.right(other, 1), 'бг', 'пк');
            end if;
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            if pg_catalog.right(stem, 1) in ('б', 'г') then
              stem := pg_catalog.left(stem, -1) || pg_catalog.translate(pg_catalog.right(stem, 1), 'бг', 'пк');
            end if;
            stems := stems || stem;
          end if;
        stem := flat;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:има|оге|уме|ими|ого|умо|имы|имя|ма|ха|яа|ве|ее|йе|ке|ме|еи|йи|ми|хи|во|ео|йо|ко|мо|юу|еы|йы|мы|хы|юю|мя|хя|яя|а|е|и|й|о|у|ы|ь|ю|я)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й') then
              other := pg_catalog.left(stem, -1);
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            stems := stems || stem;
          end if;
          ending := pg_catalog.substring(pg_catalog.reverse(stem), '^(?:к)');
          if ending is not null and pg_catalog.length(stem) - pg_catalog.length(ending) >= 3 then
            if pg_catalog.length(ending) > 1 and pg_catalog.right(stem, 1) in ('к') then
              other := pg_catalog.left(stem, -1);
              stems := stems || other;
            end if;
            stem := pg_catalog.left(stem, -pg_catalog.length(ending));
            stems := stems || stem;
          end if;
        if flat <> w then
          stems := stems || flat;
        end if;
        return stems;
      end
      $_$;

--
-- Name: seats_taken(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.seats_taken(target_event uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select count(*)::int from event_registration where event_id = target_event and status = 'REGISTERED'
      $$;

--
-- Name: space_owner(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.space_owner(target_space uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select organisation_id from space where id = target_space
);
end$$;

--
-- Name: stage_report_attachment(uuid, text, text, integer, bytea, bytea, bigint); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.stage_report_attachment(attachment uuid, key text, kind text, bytes integer, sealed_name bytea, sealed_content bytea, max_pending_bytes bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        delete from report_attachment where upload_key is not null and uploaded_on < current_date - 1;
        if coalesce((select sum(size) from report_attachment where upload_key is not null), 0) + bytes > max_pending_bytes then
          return false;
        end if;
        insert into report_attachment (id, upload_key, media_type, size, file_name, content, uploaded_on)
        values (attachment, key, kind, bytes, sealed_name, sealed_content, current_date);
        return true;
      end $$;

--
-- Name: start_vote_counts(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.start_vote_counts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
        select q.id, q.organisation_id, q.space_id, q.event_id, 0 from new_questions q
        on conflict do nothing;
        return null;
      end
      $$;

--
-- Name: submit_report(uuid, uuid, text, text, text, bytea); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.submit_report(report uuid, org uuid, report_category text, lookup text, verifier text, sealed bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        if not alany.reporting_open(org) then
          raise exception 'reporting is closed' using errcode = 'check_violation';
        end if;
        insert into integrity_report (id, organisation_id, category, status, receipt_lookup, receipt_hash, payload, submitted_on, updated_on)
        values (report, org, report_category, 'RECEIVED', lookup, verifier, sealed, current_date, current_date);
      end $$;

--
-- Name: tags_text(text[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.tags_text(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        select coalesce(array_to_string(tags, ' '), '')
      $$;

--
-- Name: take_expired_uploads(timestamp with time zone); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.take_expired_uploads(older_than timestamp with time zone) RETURNS SETOF text
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        delete from file_upload where created_at < older_than returning storage_key
      $$;

--
-- Name: thread_readers(uuid, uuid[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.thread_readers(target_thread uuid, users uuid[]) RETURNS TABLE(user_id uuid, can_write boolean, role_rank integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        with s as (
          select sp.id, sp.organisation_id, sp.visibility, sp.network_id
          from thread t join space sp on sp.id = t.space_id
          where t.id = target_thread and t.deleted_at is null
        ),
        people as (select distinct unnest(users) as id),
        rights as (
          select p.id as user_id,
            m.role as role,
            exists (
              select 1 from membership o join space_participant sp on sp.organisation_id = o.organisation_id
              where o.user_id = p.id and sp.space_id = s.id
            ) as shared,
            s.visibility = 'NETWORK' and exists (
              select 1 from membership o join network_membership n on n.organisation_id = o.organisation_id
              where o.user_id = p.id and n.network_id = s.network_id
            ) as networked,
            s.visibility = 'PUBLIC' as public
          from people p cross join s
          left join membership m on m.user_id = p.id and m.organisation_id = s.organisation_id
        )
        select user_id,
          role is not null or shared or networked,
          case role when 'OWNER' then 4 when 'ADMIN' then 3 when 'MODERATOR' then 2 when 'MEMBER' then 1 else 0 end
        from rights
        where role is not null or shared or networked or public
      $$;

--
-- Name: thread_replied(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.thread_replied() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
      begin
        update thread set reply_count = reply_count + 1, last_activity_at = new.created_at where id = new.thread_id;
        return new;
      end $$;

--
-- Name: touch_api_token(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.touch_api_token(token uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        update api_token set last_used_at = now()
        where id = token and (last_used_at is null or last_used_at < now() - interval '5 minutes')
      $$;

--
-- Name: user_can_read_space(uuid, uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.user_can_read_space(target_user uuid, target_space uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
      $$;

--
-- Name: viewer_email(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_email() RETURNS public.citext
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select email::citext from app_user where id = alany.viewer_user_id()
      $$;

--
-- Name: viewer_event_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_event_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(event_id), '{}') from (
          select event_id from event_participant where user_id = alany.viewer_user_id()
          union all
          select event_id from event_participant where id = alany.viewer_guest_participant_id()
        ) mine
);
end$$;

--
-- Name: viewer_guest_participant_id(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_guest_participant_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
        select nullif(current_setting('app.guest_participant_id', true), '')::uuid
      $$;

--
-- Name: viewer_invited_to(uuid, public.member_role); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_invited_to(org uuid, invited_role public.member_role) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select exists (
          select 1 from invitation
          where organisation_id = org and role = invited_role and email = alany.viewer_email()
            and accepted_by = alany.viewer_user_id() and revoked_at is null and expires_at > now()
        )
      $$;

--
-- Name: viewer_invited_to_network(uuid, uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_invited_to_network(net uuid, org uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select alany.viewer_is_admin(org) and exists (
          select 1 from network_invitation
          where network_id = net and organisation_id = org and accepted_at is not null and revoked_at is null
        )
      $$;

--
-- Name: viewer_is_admin(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_is_admin(org uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        select alany.viewer_role_rank(org) >= 3
      $$;

--
-- Name: viewer_is_handler(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_is_handler(org uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select exists (
          select 1 from report_handler h
          join membership m on m.organisation_id = h.organisation_id and m.user_id = h.user_id
          join app_user u on u.id = h.user_id
          where h.organisation_id = org and h.user_id = alany.viewer_user_id()
            and u.email_verified_at is not null)
      $$;

--
-- Name: viewer_network_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_network_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(distinct network_id), '{}') from network_membership
        where organisation_id = any ((select alany.viewer_org_ids())::uuid[])
);
end$$;

--
-- Name: viewer_org_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_org_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(organisation_id), '{}') from (
          select organisation_id from membership where user_id = (select alany.viewer_user_id())
          union
          select t.org from (select alany.viewer_token_org_id() as org) t where t.org is not null
        ) orgs
);
end$$;

--
-- Name: viewer_participant_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_participant_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(id), '{}') from (
          select id from event_participant where user_id = alany.viewer_user_id()
          union all
          select id from event_participant where id = alany.viewer_guest_participant_id()
        ) mine
);
end$$;

--
-- Name: viewer_role_rank(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_role_rank(org uuid) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce((
          select case role when 'OWNER' then 4 when 'ADMIN' then 3 when 'MODERATOR' then 2 else 1 end
          from membership where organisation_id = org and user_id = alany.viewer_user_id()
        ), 0)
);
end$$;

--
-- Name: viewer_shared_space_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_shared_space_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(space_id), '{}') from space_participant
        where organisation_id = any ((select alany.viewer_org_ids())::uuid[])
);
end$$;

--
-- Name: viewer_token_org_id(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_token_org_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
        select nullif(current_setting('app.token_org_id', true), '')::uuid
      $$;

--
-- Name: viewer_user_id(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.viewer_user_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
        select nullif(current_setting('app.user_id', true), '')::uuid
      $$;

--
-- Name: vote_count(uuid); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.vote_count(target_question uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select coalesce(
          (select votes from question_vote_count where question_id = target_question),
          (select count(*)::int from question_vote where question_id = target_question)
        )
      $$;

--
-- Name: vote_counts(uuid[]); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.vote_counts(target_questions uuid[]) RETURNS TABLE(question_id uuid, votes integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
        select counted.question_id, counted.votes from (
          select q.id as question_id, coalesce(
            c.votes,
            (select count(*)::int from question_vote v where v.question_id = q.id)
          ) as votes
          from (select distinct unnest(target_questions) as id) q
          left join question_vote_count c on c.question_id = q.id
        ) counted
        where counted.votes > 0
      $$;

--
-- Name: writable_space_ids(); Type: FUNCTION; Schema: alany; Owner: -
--

CREATE FUNCTION alany.writable_space_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$#variable_conflict use_column
begin
return (
select coalesce(array_agg(id), '{}') from space
        where organisation_id = any ((select alany.viewer_org_ids())::uuid[])
           or (visibility = 'NETWORK' and network_id = any ((select alany.viewer_network_ids())::uuid[]))
           or id = any ((select alany.viewer_shared_space_ids())::uuid[])
);
end$$;

--
-- Name: api_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_token (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    token_prefix text NOT NULL,
    scopes text[] NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT api_token_scopes_check CHECK (((scopes <@ ARRAY['READ'::text, 'WRITE'::text]) AND ('READ'::text = ANY (scopes))))
);

ALTER TABLE ONLY public.api_token FORCE ROW LEVEL SECURITY;

--
-- Name: app_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_user (
    id uuid NOT NULL,
    email text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    locale public.locale NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    handle public.citext NOT NULL,
    email_verified_at timestamp with time zone,
    verification_token_hash text,
    verification_sent_at timestamp with time zone
);

--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    actor_user_id uuid,
    actor_token_id uuid,
    action text NOT NULL,
    target_type text NOT NULL,
    target_id uuid,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.audit_event FORCE ROW LEVEL SECURITY;

--
-- Name: event_participant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_participant (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid,
    guest_token_hash text,
    display_name text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT event_participant_check CHECK (((user_id IS NULL) <> (guest_token_hash IS NULL))),
    CONSTRAINT event_participant_display_name_check CHECK (((length(display_name) >= 1) AND (length(display_name) <= 80)))
);

ALTER TABLE ONLY public.event_participant FORCE ROW LEVEL SECURITY;

--
-- Name: event_registration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_registration (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    status public.registration_status NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.event_registration FORCE ROW LEVEL SECURITY;

--
-- Name: file_upload; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.file_upload (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    storage_key text NOT NULL,
    file_name text NOT NULL,
    size_bytes bigint NOT NULL,
    media_type text NOT NULL,
    sha256 text NOT NULL,
    extracted_text text,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT file_upload_file_name_check CHECK (((length(file_name) >= 1) AND (length(file_name) <= 255))),
    CONSTRAINT file_upload_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT file_upload_size_bytes_check CHECK ((size_bytes >= 0))
);

ALTER TABLE ONLY public.file_upload FORCE ROW LEVEL SECURITY;

--
-- Name: integrity_report; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.integrity_report (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    category text NOT NULL,
    status public.report_status NOT NULL,
    receipt_lookup text NOT NULL,
    receipt_hash text NOT NULL,
    payload bytea NOT NULL,
    assignee_user_id uuid,
    submitted_on date NOT NULL,
    acknowledged_on date,
    last_handler_message_on date,
    updated_on date NOT NULL
);

ALTER TABLE ONLY public.integrity_report FORCE ROW LEVEL SECURITY;

--
-- Name: invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invitation (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    email public.citext NOT NULL,
    role public.member_role NOT NULL,
    token_hash text NOT NULL,
    invited_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    accepted_by uuid,
    revoked_at timestamp with time zone
);

ALTER TABLE ONLY public.invitation FORCE ROW LEVEL SECURITY;

--
-- Name: membership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.membership (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role public.member_role NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.membership FORCE ROW LEVEL SECURITY;

--
-- Name: mikro_orm_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mikro_orm_migrations (
    id integer NOT NULL,
    name character varying(255),
    executed_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP
);

--
-- Name: mikro_orm_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.mikro_orm_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: mikro_orm_migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.mikro_orm_migrations_id_seq OWNED BY public.mikro_orm_migrations.id;

--
-- Name: mitigation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mitigation (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    risk_id uuid NOT NULL,
    action text NOT NULL,
    owner_user_id uuid,
    due_date date NOT NULL,
    status public.mitigation_status NOT NULL,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT mitigation_action_check CHECK (((length(action) >= 1) AND (length(action) <= 1000)))
);

ALTER TABLE ONLY public.mitigation FORCE ROW LEVEL SECURITY;

--
-- Name: network; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.network (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT network_slug_check CHECK (((slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text) AND ((length(slug) >= 2) AND (length(slug) <= 60))))
);

ALTER TABLE ONLY public.network FORCE ROW LEVEL SECURITY;

--
-- Name: COLUMN network.organisation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.network.organisation_id IS 'The steward organisation';

--
-- Name: network_invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.network_invitation (
    id uuid NOT NULL,
    network_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    invited_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    revoked_at timestamp with time zone
);

ALTER TABLE ONLY public.network_invitation FORCE ROW LEVEL SECURITY;

--
-- Name: COLUMN network_invitation.organisation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.network_invitation.organisation_id IS 'The invited organisation';

--
-- Name: network_membership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.network_membership (
    id uuid NOT NULL,
    network_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    joined_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.network_membership FORCE ROW LEVEL SECURITY;

--
-- Name: notification; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid,
    user_id uuid NOT NULL,
    actor_id uuid,
    kind text NOT NULL,
    thread_id uuid,
    post_id uuid,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone
);

ALTER TABLE ONLY public.notification FORCE ROW LEVEL SECURITY;

--
-- Name: organisation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation (
    id uuid NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    kind public.organisation_kind NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    city text DEFAULT ''::text NOT NULL,
    country text DEFAULT ''::text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT organisation_slug_check CHECK (((slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text) AND ((length(slug) >= 2) AND (length(slug) <= 60))))
);

ALTER TABLE ONLY public.organisation FORCE ROW LEVEL SECURITY;

--
-- Name: outbox_email; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_email (
    id uuid NOT NULL,
    organisation_id uuid,
    to_address text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    last_error text,
    attachments jsonb DEFAULT '[]'::jsonb NOT NULL
);

ALTER TABLE ONLY public.outbox_email FORCE ROW LEVEL SECURITY;

--
-- Name: poll; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.poll (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    question text NOT NULL,
    multiple_choice boolean NOT NULL,
    status public.poll_status NOT NULL,
    created_at timestamp with time zone NOT NULL,
    opened_at timestamp with time zone,
    closed_at timestamp with time zone,
    CONSTRAINT poll_question_check CHECK (((length(question) >= 1) AND (length(question) <= 300)))
);

ALTER TABLE ONLY public.poll FORCE ROW LEVEL SECURITY;

--
-- Name: poll_ballot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.poll_ballot (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    poll_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    option_ids uuid[] NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT poll_ballot_option_ids_check CHECK ((cardinality(option_ids) >= 1))
);

ALTER TABLE ONLY public.poll_ballot FORCE ROW LEVEL SECURITY;

--
-- Name: poll_option; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.poll_option (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    poll_id uuid NOT NULL,
    label text NOT NULL,
    "position" integer NOT NULL,
    CONSTRAINT poll_option_label_check CHECK (((length(label) >= 1) AND (length(label) <= 200)))
);

ALTER TABLE ONLY public.poll_option FORCE ROW LEVEL SECURITY;

--
-- Name: post; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    thread_id uuid NOT NULL,
    author_id uuid,
    reply_to_post_id uuid,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    edited_at timestamp with time zone,
    deleted_at timestamp with time zone,
    hidden_at timestamp with time zone,
    hidden_by uuid,
    hidden_reason text,
    body_html text NOT NULL,
    search tsvector GENERATED ALWAYS AS ((((to_tsvector('english'::regconfig, body) || to_tsvector('russian'::regconfig, body)) || to_tsvector('simple'::regconfig, alany.search_fold(body))) || alany.search_stems(body))) STORED,
    CONSTRAINT post_body_check CHECK ((length(body) <= 20000))
);

ALTER TABLE ONLY public.post FORCE ROW LEVEL SECURITY;

--
-- Name: post_flag; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post_flag (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    post_id uuid NOT NULL,
    flagged_by uuid,
    reason text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by uuid,
    resolution text,
    CONSTRAINT post_flag_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 500)))
);

ALTER TABLE ONLY public.post_flag FORCE ROW LEVEL SECURITY;

--
-- Name: post_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post_revision (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    post_id uuid NOT NULL,
    body text NOT NULL,
    edited_by uuid,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.post_revision FORCE ROW LEVEL SECURITY;

--
-- Name: question; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.question (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    participant_id uuid,
    body text NOT NULL,
    anonymous boolean NOT NULL,
    status public.question_status NOT NULL,
    pinned boolean DEFAULT false NOT NULL,
    upvote_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    author_name text,
    CONSTRAINT question_anonymous_unnamed CHECK (((NOT anonymous) OR (author_name IS NULL))),
    CONSTRAINT question_body_check CHECK (((length(body) >= 1) AND (length(body) <= 500))),
    CONSTRAINT question_check CHECK (((NOT anonymous) OR (participant_id IS NULL)))
);

ALTER TABLE ONLY public.question FORCE ROW LEVEL SECURITY;

--
-- Name: question_vote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.question_vote (
    question_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.question_vote FORCE ROW LEVEL SECURITY;

--
-- Name: question_vote_count; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.question_vote_count (
    question_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    event_id uuid NOT NULL,
    votes integer NOT NULL,
    CONSTRAINT question_vote_count_votes_check CHECK ((votes >= 0))
)
WITH (fillfactor='50');

ALTER TABLE ONLY public.question_vote_count FORCE ROW LEVEL SECURITY;

--
-- Name: reaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reaction (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    post_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind public.reaction_kind NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.reaction FORCE ROW LEVEL SECURITY;

--
-- Name: report_attachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_attachment (
    id uuid NOT NULL,
    organisation_id uuid,
    report_id uuid,
    message_id uuid,
    upload_key text,
    media_type text NOT NULL,
    size integer NOT NULL,
    file_name bytea NOT NULL,
    content bytea NOT NULL,
    uploaded_on date NOT NULL,
    "position" bigint NOT NULL,
    CONSTRAINT report_attachment_media_type_check CHECK ((media_type = ANY (ARRAY['image/jpeg'::text, 'image/png'::text, 'application/pdf'::text, 'text/plain'::text]))),
    CONSTRAINT report_attachment_pending_or_claimed CHECK ((((upload_key IS NOT NULL) AND (report_id IS NULL) AND (organisation_id IS NULL)) OR ((upload_key IS NULL) AND (report_id IS NOT NULL) AND (organisation_id IS NOT NULL)))),
    CONSTRAINT report_attachment_size_check CHECK ((size > 0))
);

ALTER TABLE ONLY public.report_attachment FORCE ROW LEVEL SECURITY;

--
-- Name: report_attachment_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.report_attachment_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: report_attachment_position_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.report_attachment_position_seq OWNED BY public.report_attachment."position";

--
-- Name: report_handler; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_handler (
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL
);

ALTER TABLE ONLY public.report_handler FORCE ROW LEVEL SECURITY;

--
-- Name: report_handler_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_handler_change (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    changed_by uuid,
    changed_on date NOT NULL,
    added uuid[] NOT NULL,
    removed uuid[] NOT NULL,
    "position" bigint NOT NULL
);

ALTER TABLE ONLY public.report_handler_change FORCE ROW LEVEL SECURITY;

--
-- Name: report_handler_change_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.report_handler_change_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: report_handler_change_position_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.report_handler_change_position_seq OWNED BY public.report_handler_change."position";

--
-- Name: report_message; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_message (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    report_id uuid NOT NULL,
    from_reporter boolean NOT NULL,
    internal boolean DEFAULT false NOT NULL,
    handler_user_id uuid,
    body bytea NOT NULL,
    sent_on date NOT NULL,
    "position" bigint NOT NULL
);

ALTER TABLE ONLY public.report_message FORCE ROW LEVEL SECURITY;

--
-- Name: report_message_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.report_message_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: report_message_position_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.report_message_position_seq OWNED BY public.report_message."position";

--
-- Name: reporting_config; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reporting_config (
    organisation_id uuid NOT NULL,
    enabled boolean NOT NULL,
    intro text DEFAULT ''::text NOT NULL,
    categories text[] DEFAULT '{}'::text[] NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    offer_other boolean DEFAULT true NOT NULL
);

ALTER TABLE ONLY public.reporting_config FORCE ROW LEVEL SECURITY;

--
-- Name: resource; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.resource (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    kind public.resource_kind NOT NULL,
    language public.resource_language NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    url text,
    version_count integer DEFAULT 0 NOT NULL,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    search tsvector GENERATED ALWAYS AS (((((((((((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('russian'::regconfig, title), 'A'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(title)), 'A'::"char")) || setweight(alany.search_stems(title), 'A'::"char")) || setweight(to_tsvector('russian'::regconfig, alany.tags_text(tags)), 'A'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(alany.tags_text(tags))), 'A'::"char")) || setweight(alany.search_stems(alany.tags_text(tags)), 'A'::"char")) || setweight(to_tsvector('english'::regconfig, description), 'B'::"char")) || setweight(to_tsvector('russian'::regconfig, description), 'B'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(description)), 'B'::"char")) || setweight(alany.search_stems(description), 'B'::"char"))) STORED,
    CONSTRAINT resource_description_check CHECK ((length(description) <= 5000)),
    CONSTRAINT resource_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200))),
    CONSTRAINT resource_url_check CHECK ((url ~ '^https?://'::text))
);

ALTER TABLE ONLY public.resource FORCE ROW LEVEL SECURITY;

--
-- Name: resource_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.resource_version (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    resource_id uuid NOT NULL,
    number integer NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    storage_key text,
    file_name text,
    size_bytes bigint,
    media_type text,
    sha256 text,
    url text,
    extracted_text text,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    search tsvector GENERATED ALWAYS AS ((((to_tsvector('english'::regconfig, COALESCE(extracted_text, ''::text)) || to_tsvector('russian'::regconfig, COALESCE(extracted_text, ''::text))) || to_tsvector('simple'::regconfig, alany.search_fold(COALESCE(extracted_text, ''::text)))) || alany.search_stems(COALESCE(extracted_text, ''::text)))) STORED,
    CONSTRAINT resource_version_check CHECK (((storage_key IS NULL) <> (url IS NULL))),
    CONSTRAINT resource_version_check1 CHECK (((storage_key IS NULL) OR ((file_name IS NOT NULL) AND (size_bytes IS NOT NULL) AND (media_type IS NOT NULL) AND (sha256 IS NOT NULL)))),
    CONSTRAINT resource_version_file_name_check CHECK (((length(file_name) >= 1) AND (length(file_name) <= 255))),
    CONSTRAINT resource_version_note_check CHECK ((length(note) <= 1000)),
    CONSTRAINT resource_version_number_check CHECK ((number >= 1)),
    CONSTRAINT resource_version_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT resource_version_size_bytes_check CHECK ((size_bytes >= 0)),
    CONSTRAINT resource_version_url_check CHECK ((url ~ '^https?://'::text))
);

ALTER TABLE ONLY public.resource_version FORCE ROW LEVEL SECURITY;

--
-- Name: risk; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    assessment_id uuid NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    process text DEFAULT ''::text NOT NULL,
    scheme text DEFAULT ''::text NOT NULL,
    likelihood smallint NOT NULL,
    impact smallint NOT NULL,
    residual_likelihood smallint,
    residual_impact smallint,
    indicators text[] DEFAULT '{}'::text[] NOT NULL,
    evidence_thread_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    evidence_resource_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT risk_check CHECK (((residual_likelihood IS NULL) = (residual_impact IS NULL))),
    CONSTRAINT risk_impact_check CHECK (((impact >= 1) AND (impact <= 5))),
    CONSTRAINT risk_likelihood_check CHECK (((likelihood >= 1) AND (likelihood <= 5))),
    CONSTRAINT risk_residual_impact_check CHECK (((residual_impact >= 1) AND (residual_impact <= 5))),
    CONSTRAINT risk_residual_likelihood_check CHECK (((residual_likelihood >= 1) AND (residual_likelihood <= 5))),
    CONSTRAINT risk_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

ALTER TABLE ONLY public.risk FORCE ROW LEVEL SECURITY;

--
-- Name: risk_assessment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_assessment (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    title text NOT NULL,
    subject text NOT NULL,
    sector public.risk_sector NOT NULL,
    region text DEFAULT ''::text NOT NULL,
    period text DEFAULT ''::text NOT NULL,
    methodology text DEFAULT ''::text NOT NULL,
    status public.assessment_status NOT NULL,
    published_at timestamp with time zone,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT risk_assessment_subject_check CHECK (((length(subject) >= 1) AND (length(subject) <= 300))),
    CONSTRAINT risk_assessment_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

ALTER TABLE ONLY public.risk_assessment FORCE ROW LEVEL SECURITY;

--
-- Name: risk_score_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_score_change (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    risk_id uuid NOT NULL,
    likelihood smallint NOT NULL,
    impact smallint NOT NULL,
    residual_likelihood smallint,
    residual_impact smallint,
    changed_by uuid,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.risk_score_change FORCE ROW LEVEL SECURITY;

--
-- Name: space; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.space (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    network_id uuid,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    visibility public.space_visibility NOT NULL,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT space_check CHECK (((visibility <> 'NETWORK'::public.space_visibility) OR (network_id IS NOT NULL)))
);

ALTER TABLE ONLY public.space FORCE ROW LEVEL SECURITY;

--
-- Name: space_participant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.space_participant (
    id uuid NOT NULL,
    space_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.space_participant FORCE ROW LEVEL SECURITY;

--
-- Name: COLUMN space_participant.organisation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.space_participant.organisation_id IS 'The organisation the space is shared with';

--
-- Name: thread; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.thread (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    author_id uuid,
    title text NOT NULL,
    body text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    pinned boolean DEFAULT false NOT NULL,
    locked boolean DEFAULT false NOT NULL,
    reply_count integer DEFAULT 0 NOT NULL,
    last_activity_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone,
    body_html text NOT NULL,
    search tsvector GENERATED ALWAYS AS (((((((((((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('russian'::regconfig, title), 'A'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(title)), 'A'::"char")) || setweight(alany.search_stems(title), 'A'::"char")) || setweight(to_tsvector('russian'::regconfig, alany.tags_text(tags)), 'A'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(alany.tags_text(tags))), 'A'::"char")) || setweight(alany.search_stems(alany.tags_text(tags)), 'A'::"char")) || setweight(to_tsvector('english'::regconfig, body), 'B'::"char")) || setweight(to_tsvector('russian'::regconfig, body), 'B'::"char")) || setweight(to_tsvector('simple'::regconfig, alany.search_fold(body)), 'B'::"char")) || setweight(alany.search_stems(body), 'B'::"char"))) STORED,
    CONSTRAINT thread_body_check CHECK ((length(body) <= 20000)),
    CONSTRAINT thread_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

ALTER TABLE ONLY public.thread FORCE ROW LEVEL SECURITY;

--
-- Name: thread_reaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.thread_reaction (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    thread_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind public.reaction_kind NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.thread_reaction FORCE ROW LEVEL SECURITY;

--
-- Name: thread_read; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.thread_read (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    space_id uuid NOT NULL,
    thread_id uuid NOT NULL,
    user_id uuid NOT NULL,
    last_read_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.thread_read FORCE ROW LEVEL SECURITY;

--
-- Name: user_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_session (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    token_hash text NOT NULL,
    user_agent text,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);

--
-- Name: mikro_orm_migrations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mikro_orm_migrations ALTER COLUMN id SET DEFAULT nextval('public.mikro_orm_migrations_id_seq'::regclass);

--
-- Name: report_attachment position; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment ALTER COLUMN "position" SET DEFAULT nextval('public.report_attachment_position_seq'::regclass);

--
-- Name: report_handler_change position; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler_change ALTER COLUMN "position" SET DEFAULT nextval('public.report_handler_change_position_seq'::regclass);

--
-- Name: report_message position; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_message ALTER COLUMN "position" SET DEFAULT nextval('public.report_message_position_seq'::regclass);

--
-- Name: api_token api_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_pkey PRIMARY KEY (id);

--
-- Name: api_token api_token_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_token_hash_key UNIQUE (token_hash);

--
-- Name: app_user app_user_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_email_key UNIQUE (email);

--
-- Name: app_user app_user_handle_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_handle_unique UNIQUE (handle);

--
-- Name: app_user app_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);

--
-- Name: app_user app_user_verification_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_verification_token_hash_key UNIQUE (verification_token_hash);

--
-- Name: audit_event audit_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);

--
-- Name: event event_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_code_key UNIQUE (code);

--
-- Name: event_participant event_participant_guest_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_guest_token_hash_key UNIQUE (guest_token_hash);

--
-- Name: event_participant event_participant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_pkey PRIMARY KEY (id);

--
-- Name: event event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_pkey PRIMARY KEY (id);

--
-- Name: event_registration event_registration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_registration
    ADD CONSTRAINT event_registration_pkey PRIMARY KEY (id);

--
-- Name: file_upload file_upload_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.file_upload
    ADD CONSTRAINT file_upload_pkey PRIMARY KEY (id);

--
-- Name: file_upload file_upload_storage_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.file_upload
    ADD CONSTRAINT file_upload_storage_key_key UNIQUE (storage_key);

--
-- Name: integrity_report integrity_report_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrity_report
    ADD CONSTRAINT integrity_report_pkey PRIMARY KEY (id);

--
-- Name: integrity_report integrity_report_receipt_lookup_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrity_report
    ADD CONSTRAINT integrity_report_receipt_lookup_key UNIQUE (receipt_lookup);

--
-- Name: invitation invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_pkey PRIMARY KEY (id);

--
-- Name: invitation invitation_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_token_hash_key UNIQUE (token_hash);

--
-- Name: membership membership_organisation_id_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_organisation_id_user_id_key UNIQUE (organisation_id, user_id);

--
-- Name: membership membership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_pkey PRIMARY KEY (id);

--
-- Name: mikro_orm_migrations mikro_orm_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mikro_orm_migrations
    ADD CONSTRAINT mikro_orm_migrations_pkey PRIMARY KEY (id);

--
-- Name: mitigation mitigation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mitigation
    ADD CONSTRAINT mitigation_pkey PRIMARY KEY (id);

--
-- Name: network_invitation network_invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_invitation
    ADD CONSTRAINT network_invitation_pkey PRIMARY KEY (id);

--
-- Name: network_membership network_membership_network_id_organisation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_membership
    ADD CONSTRAINT network_membership_network_id_organisation_id_key UNIQUE (network_id, organisation_id);

--
-- Name: network_membership network_membership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_membership
    ADD CONSTRAINT network_membership_pkey PRIMARY KEY (id);

--
-- Name: network network_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network
    ADD CONSTRAINT network_pkey PRIMARY KEY (id);

--
-- Name: network network_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network
    ADD CONSTRAINT network_slug_key UNIQUE (slug);

--
-- Name: notification notification_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_pkey PRIMARY KEY (id);

--
-- Name: organisation organisation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_pkey PRIMARY KEY (id);

--
-- Name: organisation organisation_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_slug_key UNIQUE (slug);

--
-- Name: outbox_email outbox_email_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_email
    ADD CONSTRAINT outbox_email_pkey PRIMARY KEY (id);

--
-- Name: poll_ballot poll_ballot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_pkey PRIMARY KEY (id);

--
-- Name: poll_ballot poll_ballot_poll_id_participant_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_poll_id_participant_id_key UNIQUE (poll_id, participant_id);

--
-- Name: poll_option poll_option_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_option
    ADD CONSTRAINT poll_option_pkey PRIMARY KEY (id);

--
-- Name: poll_option poll_option_poll_id_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_option
    ADD CONSTRAINT poll_option_poll_id_position_key UNIQUE (poll_id, "position");

--
-- Name: poll poll_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll
    ADD CONSTRAINT poll_pkey PRIMARY KEY (id);

--
-- Name: post_flag post_flag_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_pkey PRIMARY KEY (id);

--
-- Name: post post_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_pkey PRIMARY KEY (id);

--
-- Name: post_revision post_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_pkey PRIMARY KEY (id);

--
-- Name: question question_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_pkey PRIMARY KEY (id);

--
-- Name: question question_scope_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_scope_key UNIQUE (id, event_id, space_id, organisation_id);

--
-- Name: question_vote_count question_vote_count_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_vote_count
    ADD CONSTRAINT question_vote_count_pkey PRIMARY KEY (question_id);

--
-- Name: question_vote question_vote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_vote
    ADD CONSTRAINT question_vote_pkey PRIMARY KEY (question_id, participant_id);

--
-- Name: reaction reaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_pkey PRIMARY KEY (id);

--
-- Name: reaction reaction_post_id_user_id_kind_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_post_id_user_id_kind_key UNIQUE (post_id, user_id, kind);

--
-- Name: report_attachment report_attachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment
    ADD CONSTRAINT report_attachment_pkey PRIMARY KEY (id);

--
-- Name: report_attachment report_attachment_upload_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment
    ADD CONSTRAINT report_attachment_upload_key_key UNIQUE (upload_key);

--
-- Name: report_handler_change report_handler_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler_change
    ADD CONSTRAINT report_handler_change_pkey PRIMARY KEY (id);

--
-- Name: report_handler report_handler_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler
    ADD CONSTRAINT report_handler_pkey PRIMARY KEY (organisation_id, user_id);

--
-- Name: report_message report_message_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_message
    ADD CONSTRAINT report_message_pkey PRIMARY KEY (id);

--
-- Name: reporting_config reporting_config_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reporting_config
    ADD CONSTRAINT reporting_config_pkey PRIMARY KEY (organisation_id);

--
-- Name: resource resource_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource
    ADD CONSTRAINT resource_pkey PRIMARY KEY (id);

--
-- Name: resource_version resource_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_pkey PRIMARY KEY (id);

--
-- Name: resource_version resource_version_resource_id_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_resource_id_number_key UNIQUE (resource_id, number);

--
-- Name: risk_assessment risk_assessment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_assessment
    ADD CONSTRAINT risk_assessment_pkey PRIMARY KEY (id);

--
-- Name: risk risk_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk
    ADD CONSTRAINT risk_pkey PRIMARY KEY (id);

--
-- Name: risk_score_change risk_score_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_score_change
    ADD CONSTRAINT risk_score_change_pkey PRIMARY KEY (id);

--
-- Name: space_participant space_participant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space_participant
    ADD CONSTRAINT space_participant_pkey PRIMARY KEY (id);

--
-- Name: space_participant space_participant_space_id_organisation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space_participant
    ADD CONSTRAINT space_participant_space_id_organisation_id_key UNIQUE (space_id, organisation_id);

--
-- Name: space space_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space
    ADD CONSTRAINT space_pkey PRIMARY KEY (id);

--
-- Name: thread thread_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread
    ADD CONSTRAINT thread_pkey PRIMARY KEY (id);

--
-- Name: thread_reaction thread_reaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_pkey PRIMARY KEY (id);

--
-- Name: thread_reaction thread_reaction_thread_id_user_id_kind_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_thread_id_user_id_kind_key UNIQUE (thread_id, user_id, kind);

--
-- Name: thread_read thread_read_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_pkey PRIMARY KEY (id);

--
-- Name: thread_read thread_read_thread_id_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_thread_id_user_id_key UNIQUE (thread_id, user_id);

--
-- Name: user_session user_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_session
    ADD CONSTRAINT user_session_pkey PRIMARY KEY (id);

--
-- Name: user_session user_session_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_session
    ADD CONSTRAINT user_session_token_hash_key UNIQUE (token_hash);

--
-- Name: api_token_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_token_organisation_id_index ON public.api_token USING btree (organisation_id, created_at DESC);

--
-- Name: audit_event_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_organisation_id_index ON public.audit_event USING btree (organisation_id, created_at DESC, id DESC);

--
-- Name: event_organisation_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_organisation_index ON public.event USING btree (organisation_id, starts_at);

--
-- Name: event_participant_person_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_participant_person_index ON public.event_participant USING btree (user_id) WHERE (user_id IS NOT NULL);

--
-- Name: event_participant_user_index; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX event_participant_user_index ON public.event_participant USING btree (event_id, user_id) WHERE (user_id IS NOT NULL);

--
-- Name: event_registration_active_index; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX event_registration_active_index ON public.event_registration USING btree (event_id, user_id) WHERE (status <> 'CANCELLED'::public.registration_status);

--
-- Name: event_registration_waitlist_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_registration_waitlist_index ON public.event_registration USING btree (event_id, status, created_at);

--
-- Name: event_space_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_space_index ON public.event USING btree (space_id, starts_at);

--
-- Name: file_upload_created_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX file_upload_created_index ON public.file_upload USING btree (created_at);

--
-- Name: integrity_report_queue_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX integrity_report_queue_index ON public.integrity_report USING btree (organisation_id, status, submitted_on DESC);

--
-- Name: invitation_email_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitation_email_index ON public.invitation USING btree (email);

--
-- Name: invitation_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitation_organisation_id_index ON public.invitation USING btree (organisation_id, created_at DESC);

--
-- Name: membership_user_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX membership_user_id_index ON public.membership USING btree (user_id);

--
-- Name: mitigation_risk_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mitigation_risk_index ON public.mitigation USING btree (risk_id, due_date);

--
-- Name: network_invitation_pending_unique; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX network_invitation_pending_unique ON public.network_invitation USING btree (network_id, organisation_id) WHERE ((accepted_at IS NULL) AND (revoked_at IS NULL));

--
-- Name: network_membership_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX network_membership_organisation_id_index ON public.network_membership USING btree (organisation_id);

--
-- Name: notification_user_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notification_user_index ON public.notification USING btree (user_id, created_at DESC, id DESC);

--
-- Name: outbox_email_to_address_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_email_to_address_index ON public.outbox_email USING btree (to_address, created_at DESC);

--
-- Name: poll_event_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX poll_event_index ON public.poll USING btree (event_id, created_at);

--
-- Name: post_flag_once_index; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX post_flag_once_index ON public.post_flag USING btree (post_id, flagged_by) WHERE (resolved_at IS NULL);

--
-- Name: post_flag_queue_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_flag_queue_index ON public.post_flag USING btree (organisation_id, created_at DESC) WHERE (resolved_at IS NULL);

--
-- Name: post_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_organisation_id_index ON public.post USING btree (organisation_id);

--
-- Name: post_revision_post_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_revision_post_index ON public.post_revision USING btree (post_id, created_at);

--
-- Name: post_search_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_search_index ON public.post USING gin (search);

--
-- Name: post_space_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_space_id_index ON public.post USING btree (space_id);

--
-- Name: post_thread_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_thread_index ON public.post USING btree (thread_id, created_at, id);

--
-- Name: post_thread_space_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_thread_space_index ON public.post USING btree (thread_id, space_id, created_at, id);

--
-- Name: question_event_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX question_event_index ON public.question USING btree (event_id, status, upvote_count DESC, created_at);

--
-- Name: report_attachment_pending_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_attachment_pending_index ON public.report_attachment USING btree (uploaded_on) WHERE (upload_key IS NOT NULL);

--
-- Name: report_attachment_report_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_attachment_report_index ON public.report_attachment USING btree (report_id, "position");

--
-- Name: report_handler_change_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_handler_change_index ON public.report_handler_change USING btree (organisation_id, "position" DESC);

--
-- Name: report_handler_user_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_handler_user_index ON public.report_handler USING btree (user_id);

--
-- Name: report_message_report_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_message_report_index ON public.report_message USING btree (report_id, "position");

--
-- Name: resource_organisation_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_organisation_index ON public.resource USING btree (organisation_id);

--
-- Name: resource_search_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_search_index ON public.resource USING gin (search);

--
-- Name: resource_space_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_space_index ON public.resource USING btree (space_id, created_at DESC, id DESC);

--
-- Name: resource_tags_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_tags_index ON public.resource USING gin (tags);

--
-- Name: resource_trigram_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_trigram_index ON public.resource USING gin (alany.search_fold(((title || ' '::text) || description)) public.gin_trgm_ops);

--
-- Name: resource_version_search_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_version_search_index ON public.resource_version USING gin (search);

--
-- Name: resource_version_space_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX resource_version_space_index ON public.resource_version USING btree (space_id);

--
-- Name: risk_assessment_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_assessment_id_index ON public.risk USING btree (assessment_id, created_at);

--
-- Name: risk_assessment_organisation_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_assessment_organisation_index ON public.risk_assessment USING btree (organisation_id, sector, region);

--
-- Name: risk_assessment_space_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_assessment_space_index ON public.risk_assessment USING btree (space_id, created_at DESC);

--
-- Name: risk_score_change_risk_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_score_change_risk_index ON public.risk_score_change USING btree (risk_id, created_at);

--
-- Name: space_network_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX space_network_id_index ON public.space USING btree (network_id) WHERE (network_id IS NOT NULL);

--
-- Name: space_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX space_organisation_id_index ON public.space USING btree (organisation_id, created_at DESC);

--
-- Name: space_participant_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX space_participant_organisation_id_index ON public.space_participant USING btree (organisation_id);

--
-- Name: space_public_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX space_public_index ON public.space USING btree (created_at DESC) WHERE (visibility = 'PUBLIC'::public.space_visibility);

--
-- Name: thread_organisation_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_organisation_id_index ON public.thread USING btree (organisation_id);

--
-- Name: thread_search_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_search_index ON public.thread USING gin (search);

--
-- Name: thread_space_activity_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_space_activity_index ON public.thread USING btree (space_id, pinned DESC, last_activity_at DESC, id DESC) WHERE (deleted_at IS NULL);

--
-- Name: thread_space_created_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_space_created_index ON public.thread USING btree (space_id, pinned DESC, created_at DESC, id DESC) WHERE (deleted_at IS NULL);

--
-- Name: thread_tags_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_tags_index ON public.thread USING gin (tags);

--
-- Name: thread_trigram_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX thread_trigram_index ON public.thread USING gin (alany.search_fold(((title || ' '::text) || body)) public.gin_trgm_ops);

--
-- Name: user_session_user_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_session_user_id_index ON public.user_session USING btree (user_id);

--
-- Name: membership membership_ended_drops_handler; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER membership_ended_drops_handler AFTER DELETE ON public.membership FOR EACH ROW EXECUTE FUNCTION alany.drop_handler_of_ended_membership();

--
-- Name: membership membership_keeps_an_owner; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER membership_keeps_an_owner AFTER DELETE OR UPDATE ON public.membership DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION alany.keep_an_owner();

--
-- Name: post post_counts_on_thread; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER post_counts_on_thread AFTER INSERT ON public.post FOR EACH ROW EXECUTE FUNCTION alany.thread_replied();

--
-- Name: question question_author_name; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_author_name BEFORE INSERT OR UPDATE OF author_name ON public.question FOR EACH ROW EXECUTE FUNCTION alany.question_author_name();

--
-- Name: question question_vote_count_started; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_vote_count_started AFTER INSERT ON public.question REFERENCING NEW TABLE AS new_questions FOR EACH STATEMENT EXECUTE FUNCTION alany.start_vote_counts();

--
-- Name: question_vote question_vote_counted_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_vote_counted_delete AFTER DELETE ON public.question_vote REFERENCING OLD TABLE AS old_votes FOR EACH STATEMENT EXECUTE FUNCTION alany.keep_vote_counts();

--
-- Name: question_vote question_vote_counted_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_vote_counted_insert AFTER INSERT ON public.question_vote REFERENCING NEW TABLE AS new_votes FOR EACH STATEMENT EXECUTE FUNCTION alany.keep_vote_counts();

--
-- Name: question_vote question_vote_counted_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_vote_counted_truncate AFTER TRUNCATE ON public.question_vote FOR EACH STATEMENT EXECUTE FUNCTION alany.keep_vote_counts();

--
-- Name: question_vote question_vote_counted_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER question_vote_counted_update AFTER UPDATE ON public.question_vote REFERENCING OLD TABLE AS old_votes NEW TABLE AS new_votes FOR EACH STATEMENT EXECUTE FUNCTION alany.keep_vote_counts();

--
-- Name: api_token api_token_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id);

--
-- Name: api_token api_token_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: audit_event audit_event_actor_token_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_actor_token_id_fkey FOREIGN KEY (actor_token_id) REFERENCES public.api_token(id) ON DELETE SET NULL;

--
-- Name: audit_event audit_event_actor_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: audit_event audit_event_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: event event_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: event event_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: event_participant event_participant_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE;

--
-- Name: event_participant event_participant_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: event_participant event_participant_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: event_participant event_participant_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_participant
    ADD CONSTRAINT event_participant_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: event_registration event_registration_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_registration
    ADD CONSTRAINT event_registration_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE;

--
-- Name: event_registration event_registration_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_registration
    ADD CONSTRAINT event_registration_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: event_registration event_registration_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_registration
    ADD CONSTRAINT event_registration_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: event_registration event_registration_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_registration
    ADD CONSTRAINT event_registration_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: event event_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: file_upload file_upload_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.file_upload
    ADD CONSTRAINT file_upload_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: integrity_report integrity_report_assignee_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrity_report
    ADD CONSTRAINT integrity_report_assignee_user_id_fkey FOREIGN KEY (assignee_user_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: integrity_report integrity_report_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrity_report
    ADD CONSTRAINT integrity_report_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: invitation invitation_accepted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES public.app_user(id);

--
-- Name: invitation invitation_invited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.app_user(id);

--
-- Name: invitation invitation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: membership membership_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: membership membership_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: mitigation mitigation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mitigation
    ADD CONSTRAINT mitigation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: mitigation mitigation_owner_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mitigation
    ADD CONSTRAINT mitigation_owner_user_id_fkey FOREIGN KEY (owner_user_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: mitigation mitigation_risk_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mitigation
    ADD CONSTRAINT mitigation_risk_id_fkey FOREIGN KEY (risk_id) REFERENCES public.risk(id) ON DELETE CASCADE;

--
-- Name: mitigation mitigation_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mitigation
    ADD CONSTRAINT mitigation_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: network_invitation network_invitation_invited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_invitation
    ADD CONSTRAINT network_invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.app_user(id);

--
-- Name: network_invitation network_invitation_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_invitation
    ADD CONSTRAINT network_invitation_network_id_fkey FOREIGN KEY (network_id) REFERENCES public.network(id) ON DELETE CASCADE;

--
-- Name: network_invitation network_invitation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_invitation
    ADD CONSTRAINT network_invitation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: network_membership network_membership_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_membership
    ADD CONSTRAINT network_membership_network_id_fkey FOREIGN KEY (network_id) REFERENCES public.network(id) ON DELETE CASCADE;

--
-- Name: network_membership network_membership_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_membership
    ADD CONSTRAINT network_membership_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: network network_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network
    ADD CONSTRAINT network_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);

--
-- Name: notification notification_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: notification notification_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: notification notification_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.post(id) ON DELETE CASCADE;

--
-- Name: notification notification_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: notification notification_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.thread(id) ON DELETE CASCADE;

--
-- Name: notification notification_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: organisation organisation_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id);

--
-- Name: outbox_email outbox_email_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_email
    ADD CONSTRAINT outbox_email_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: poll_ballot poll_ballot_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: poll_ballot poll_ballot_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.event_participant(id) ON DELETE CASCADE;

--
-- Name: poll_ballot poll_ballot_poll_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_poll_id_fkey FOREIGN KEY (poll_id) REFERENCES public.poll(id) ON DELETE CASCADE;

--
-- Name: poll_ballot poll_ballot_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_ballot
    ADD CONSTRAINT poll_ballot_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: poll poll_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll
    ADD CONSTRAINT poll_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE;

--
-- Name: poll_option poll_option_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_option
    ADD CONSTRAINT poll_option_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: poll_option poll_option_poll_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_option
    ADD CONSTRAINT poll_option_poll_id_fkey FOREIGN KEY (poll_id) REFERENCES public.poll(id) ON DELETE CASCADE;

--
-- Name: poll_option poll_option_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_option
    ADD CONSTRAINT poll_option_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: poll poll_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll
    ADD CONSTRAINT poll_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: poll poll_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll
    ADD CONSTRAINT poll_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: post post_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: post_flag post_flag_flagged_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_flagged_by_fkey FOREIGN KEY (flagged_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: post_flag post_flag_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: post_flag post_flag_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.post(id) ON DELETE CASCADE;

--
-- Name: post_flag post_flag_resolved_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: post_flag post_flag_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: post post_hidden_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_hidden_by_fkey FOREIGN KEY (hidden_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: post post_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: post post_reply_to_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_reply_to_post_id_fkey FOREIGN KEY (reply_to_post_id) REFERENCES public.post(id) ON DELETE SET NULL;

--
-- Name: post_revision post_revision_edited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_edited_by_fkey FOREIGN KEY (edited_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: post_revision post_revision_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: post_revision post_revision_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.post(id) ON DELETE CASCADE;

--
-- Name: post_revision post_revision_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: post post_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: post post_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post
    ADD CONSTRAINT post_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.thread(id) ON DELETE CASCADE;

--
-- Name: question question_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE;

--
-- Name: question question_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: question question_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.event_participant(id) ON DELETE SET NULL;

--
-- Name: question question_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question
    ADD CONSTRAINT question_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: question_vote_count question_vote_count_question_id_event_id_space_id_organisa_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_vote_count
    ADD CONSTRAINT question_vote_count_question_id_event_id_space_id_organisa_fkey FOREIGN KEY (question_id, event_id, space_id, organisation_id) REFERENCES public.question(id, event_id, space_id, organisation_id) ON DELETE CASCADE;

--
-- Name: question_vote question_vote_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_vote
    ADD CONSTRAINT question_vote_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.event_participant(id) ON DELETE CASCADE;

--
-- Name: question_vote question_vote_question_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_vote
    ADD CONSTRAINT question_vote_question_fkey FOREIGN KEY (question_id, event_id, space_id, organisation_id) REFERENCES public.question(id, event_id, space_id, organisation_id) ON DELETE CASCADE;

--
-- Name: reaction reaction_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: reaction reaction_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.post(id) ON DELETE CASCADE;

--
-- Name: reaction reaction_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: reaction reaction_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reaction
    ADD CONSTRAINT reaction_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: report_attachment report_attachment_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment
    ADD CONSTRAINT report_attachment_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.report_message(id) ON DELETE CASCADE;

--
-- Name: report_attachment report_attachment_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment
    ADD CONSTRAINT report_attachment_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: report_attachment report_attachment_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_attachment
    ADD CONSTRAINT report_attachment_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.integrity_report(id) ON DELETE CASCADE;

--
-- Name: report_handler_change report_handler_change_changed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler_change
    ADD CONSTRAINT report_handler_change_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: report_handler_change report_handler_change_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler_change
    ADD CONSTRAINT report_handler_change_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: report_handler report_handler_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler
    ADD CONSTRAINT report_handler_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: report_handler report_handler_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_handler
    ADD CONSTRAINT report_handler_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: report_message report_message_handler_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_message
    ADD CONSTRAINT report_message_handler_user_id_fkey FOREIGN KEY (handler_user_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: report_message report_message_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_message
    ADD CONSTRAINT report_message_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: report_message report_message_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_message
    ADD CONSTRAINT report_message_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.integrity_report(id) ON DELETE CASCADE;

--
-- Name: reporting_config reporting_config_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reporting_config
    ADD CONSTRAINT reporting_config_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: resource resource_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource
    ADD CONSTRAINT resource_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: resource resource_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource
    ADD CONSTRAINT resource_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: resource resource_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource
    ADD CONSTRAINT resource_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: resource_version resource_version_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: resource_version resource_version_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: resource_version resource_version_resource_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_resource_id_fkey FOREIGN KEY (resource_id) REFERENCES public.resource(id) ON DELETE CASCADE;

--
-- Name: resource_version resource_version_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.resource_version
    ADD CONSTRAINT resource_version_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: risk_assessment risk_assessment_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_assessment
    ADD CONSTRAINT risk_assessment_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: risk risk_assessment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk
    ADD CONSTRAINT risk_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES public.risk_assessment(id) ON DELETE CASCADE;

--
-- Name: risk_assessment risk_assessment_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_assessment
    ADD CONSTRAINT risk_assessment_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: risk_assessment risk_assessment_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_assessment
    ADD CONSTRAINT risk_assessment_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: risk risk_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk
    ADD CONSTRAINT risk_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: risk risk_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk
    ADD CONSTRAINT risk_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: risk_score_change risk_score_change_changed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_score_change
    ADD CONSTRAINT risk_score_change_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: risk_score_change risk_score_change_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_score_change
    ADD CONSTRAINT risk_score_change_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: risk_score_change risk_score_change_risk_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_score_change
    ADD CONSTRAINT risk_score_change_risk_id_fkey FOREIGN KEY (risk_id) REFERENCES public.risk(id) ON DELETE CASCADE;

--
-- Name: risk_score_change risk_score_change_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_score_change
    ADD CONSTRAINT risk_score_change_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: risk risk_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk
    ADD CONSTRAINT risk_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: space space_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space
    ADD CONSTRAINT space_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: space space_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space
    ADD CONSTRAINT space_network_id_fkey FOREIGN KEY (network_id) REFERENCES public.network(id) ON DELETE SET NULL;

--
-- Name: space space_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space
    ADD CONSTRAINT space_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: space_participant space_participant_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space_participant
    ADD CONSTRAINT space_participant_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: space_participant space_participant_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.space_participant
    ADD CONSTRAINT space_participant_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: thread thread_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread
    ADD CONSTRAINT thread_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: thread thread_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread
    ADD CONSTRAINT thread_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: thread_reaction thread_reaction_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: thread_reaction thread_reaction_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: thread_reaction thread_reaction_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.thread(id) ON DELETE CASCADE;

--
-- Name: thread_reaction thread_reaction_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_reaction
    ADD CONSTRAINT thread_reaction_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: thread_read thread_read_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id) ON DELETE CASCADE;

--
-- Name: thread_read thread_read_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: thread_read thread_read_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.thread(id) ON DELETE CASCADE;

--
-- Name: thread_read thread_read_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: thread thread_space_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread
    ADD CONSTRAINT thread_space_id_fkey FOREIGN KEY (space_id) REFERENCES public.space(id) ON DELETE CASCADE;

--
-- Name: user_session user_session_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_session
    ADD CONSTRAINT user_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: api_token; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.api_token ENABLE ROW LEVEL SECURITY;

--
-- Name: api_token api_token_admin; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY api_token_admin ON public.api_token USING (alany.viewer_is_admin(organisation_id)) WITH CHECK (alany.viewer_is_admin(organisation_id));

--
-- Name: audit_event; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_event ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_event audit_event_append; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_event_append ON public.audit_event FOR INSERT WITH CHECK (((organisation_id = ANY (alany.viewer_org_ids())) AND (NOT (actor_user_id IS DISTINCT FROM alany.viewer_user_id()))));

--
-- Name: audit_event audit_event_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_event_read ON public.audit_event FOR SELECT USING (alany.viewer_is_admin(organisation_id));

--
-- Name: poll_ballot ballot_cast; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY ballot_cast ON public.poll_ballot FOR INSERT WITH CHECK ((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])));

--
-- Name: poll_ballot ballot_change; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY ballot_change ON public.poll_ballot FOR UPDATE USING ((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])));

--
-- Name: poll_ballot ballot_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY ballot_read ON public.poll_ballot FOR SELECT USING ((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])));

--
-- Name: event; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.event ENABLE ROW LEVEL SECURITY;

--
-- Name: event_participant; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.event_participant ENABLE ROW LEVEL SECURITY;

--
-- Name: event event_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY event_read ON public.event FOR SELECT USING ((((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((status <> 'DRAFT'::public.event_status) OR (alany.viewer_role_rank(organisation_id) >= 2))) OR (id = ANY (( SELECT alany.viewer_event_ids() AS viewer_event_ids)::uuid[]))));

--
-- Name: event_registration; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.event_registration ENABLE ROW LEVEL SECURITY;

--
-- Name: event event_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY event_update ON public.event FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 3));

--
-- Name: event event_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY event_write ON public.event FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 3));

--
-- Name: file_upload; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.file_upload ENABLE ROW LEVEL SECURITY;

--
-- Name: file_upload file_upload_owner; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY file_upload_owner ON public.file_upload USING ((user_id = alany.viewer_user_id())) WITH CHECK ((user_id = alany.viewer_user_id()));

--
-- Name: integrity_report; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.integrity_report ENABLE ROW LEVEL SECURITY;

--
-- Name: integrity_report integrity_report_handle; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY integrity_report_handle ON public.integrity_report FOR UPDATE USING (alany.viewer_is_handler(organisation_id));

--
-- Name: integrity_report integrity_report_handlers; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY integrity_report_handlers ON public.integrity_report FOR SELECT USING (alany.viewer_is_handler(organisation_id));

--
-- Name: invitation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.invitation ENABLE ROW LEVEL SECURITY;

--
-- Name: invitation invitation_admin; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY invitation_admin ON public.invitation USING (alany.viewer_is_admin(organisation_id)) WITH CHECK (alany.viewer_is_admin(organisation_id));

--
-- Name: invitation invitation_invitee_accept; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY invitation_invitee_accept ON public.invitation FOR UPDATE USING ((email OPERATOR(public.=) alany.viewer_email())) WITH CHECK ((accepted_by = alany.viewer_user_id()));

--
-- Name: invitation invitation_invitee_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY invitation_invitee_read ON public.invitation FOR SELECT USING ((email OPERATOR(public.=) alany.viewer_email()));

--
-- Name: membership; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.membership ENABLE ROW LEVEL SECURITY;

--
-- Name: membership membership_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY membership_delete ON public.membership FOR DELETE USING ((alany.viewer_is_admin(organisation_id) OR (user_id = alany.viewer_user_id())));

--
-- Name: membership membership_join; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY membership_join ON public.membership FOR INSERT WITH CHECK ((alany.viewer_is_admin(organisation_id) OR ((user_id = alany.viewer_user_id()) AND (role = 'OWNER'::public.member_role) AND (NOT alany.organisation_has_members(organisation_id)) AND (EXISTS ( SELECT 1
   FROM public.organisation o
  WHERE ((o.id = membership.organisation_id) AND (o.created_by = alany.viewer_user_id()))))) OR ((user_id = alany.viewer_user_id()) AND alany.viewer_invited_to(organisation_id, role))));

--
-- Name: membership membership_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY membership_read ON public.membership FOR SELECT USING (((organisation_id = ANY (alany.viewer_org_ids())) OR (user_id = alany.viewer_user_id())));

--
-- Name: membership membership_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY membership_update ON public.membership FOR UPDATE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: mitigation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.mitigation ENABLE ROW LEVEL SECURITY;

--
-- Name: mitigation mitigation_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY mitigation_read ON public.mitigation FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((alany.viewer_role_rank(organisation_id) >= 1) OR (EXISTS ( SELECT 1
   FROM public.risk r
  WHERE (r.id = mitigation.risk_id))))));

--
-- Name: mitigation mitigation_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY mitigation_update ON public.mitigation FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: mitigation mitigation_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY mitigation_write ON public.mitigation FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: network; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.network ENABLE ROW LEVEL SECURITY;

--
-- Name: network network_create; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_create ON public.network FOR INSERT WITH CHECK (alany.viewer_is_admin(organisation_id));

--
-- Name: network_invitation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.network_invitation ENABLE ROW LEVEL SECURITY;

--
-- Name: network_invitation network_invitation_create; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_invitation_create ON public.network_invitation FOR INSERT WITH CHECK (alany.viewer_is_admin(alany.network_steward(network_id)));

--
-- Name: network_invitation network_invitation_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_invitation_read ON public.network_invitation FOR SELECT USING (((organisation_id = ANY (alany.viewer_org_ids())) OR (alany.network_steward(network_id) = ANY (alany.viewer_org_ids()))));

--
-- Name: network_invitation network_invitation_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_invitation_update ON public.network_invitation FOR UPDATE USING ((alany.viewer_is_admin(organisation_id) OR alany.viewer_is_admin(alany.network_steward(network_id))));

--
-- Name: network_membership; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.network_membership ENABLE ROW LEVEL SECURITY;

--
-- Name: network_membership network_membership_join; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_membership_join ON public.network_membership FOR INSERT WITH CHECK (((alany.viewer_is_admin(organisation_id) AND (alany.network_steward(network_id) = organisation_id)) OR alany.viewer_invited_to_network(network_id, organisation_id)));

--
-- Name: network_membership network_membership_leave; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_membership_leave ON public.network_membership FOR DELETE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: network_membership network_membership_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_membership_read ON public.network_membership FOR SELECT USING (((network_id = ANY (alany.viewer_network_ids())) OR (alany.network_steward(network_id) = ANY (alany.viewer_org_ids()))));

--
-- Name: network network_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_read ON public.network FOR SELECT USING (((organisation_id = ANY (alany.viewer_org_ids())) OR (id = ANY (alany.viewer_network_ids())) OR (EXISTS ( SELECT 1
   FROM public.network_invitation i
  WHERE ((i.network_id = network.id) AND (i.organisation_id = ANY (alany.viewer_org_ids())) AND (i.accepted_at IS NULL) AND (i.revoked_at IS NULL))))));

--
-- Name: network network_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY network_update ON public.network FOR UPDATE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: notification; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notification ENABLE ROW LEVEL SECURITY;

--
-- Name: notification notification_handlers_changed; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notification_handlers_changed ON public.notification FOR INSERT WITH CHECK (((kind = 'REPORT_HANDLERS_CHANGED'::text) AND (space_id IS NULL) AND (actor_id = alany.viewer_user_id()) AND (alany.viewer_role_rank(organisation_id) >= 4)));

--
-- Name: notification notification_mark; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notification_mark ON public.notification FOR UPDATE USING ((user_id = alany.viewer_user_id()));

--
-- Name: notification notification_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notification_own ON public.notification FOR SELECT USING ((user_id = alany.viewer_user_id()));

--
-- Name: notification notification_send; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notification_send ON public.notification FOR INSERT WITH CHECK (((actor_id = alany.viewer_user_id()) AND (space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[]))));

--
-- Name: organisation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.organisation ENABLE ROW LEVEL SECURITY;

--
-- Name: organisation organisation_create; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organisation_create ON public.organisation FOR INSERT WITH CHECK ((created_by = alany.viewer_user_id()));

--
-- Name: organisation organisation_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organisation_read ON public.organisation FOR SELECT USING (true);

--
-- Name: organisation organisation_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organisation_update ON public.organisation FOR UPDATE USING (alany.viewer_is_admin(id));

--
-- Name: outbox_email; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.outbox_email ENABLE ROW LEVEL SECURITY;

--
-- Name: outbox_email outbox_email_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_email_read ON public.outbox_email FOR SELECT USING (((organisation_id IS NOT NULL) AND alany.viewer_is_admin(organisation_id)));

--
-- Name: outbox_email outbox_email_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY outbox_email_write ON public.outbox_email FOR INSERT WITH CHECK (((organisation_id IS NULL) OR (organisation_id = ANY (alany.viewer_org_ids()))));

--
-- Name: event_participant participant_join; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY participant_join ON public.event_participant FOR INSERT WITH CHECK (((user_id = alany.viewer_user_id()) AND alany.event_is_published(event_id)));

--
-- Name: event_participant participant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY participant_read ON public.event_participant FOR SELECT USING (((id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])) OR (alany.viewer_role_rank(organisation_id) >= 2)));

--
-- Name: poll; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.poll ENABLE ROW LEVEL SECURITY;

--
-- Name: poll_ballot; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.poll_ballot ENABLE ROW LEVEL SECURITY;

--
-- Name: poll_option; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.poll_option ENABLE ROW LEVEL SECURITY;

--
-- Name: poll_option poll_option_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY poll_option_read ON public.poll_option FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) OR (poll_id IN ( SELECT poll.id
   FROM public.poll))));

--
-- Name: poll_option poll_option_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY poll_option_write ON public.poll_option FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 2));

--
-- Name: poll poll_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY poll_read ON public.poll FOR SELECT USING ((((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) OR (event_id = ANY (( SELECT alany.viewer_event_ids() AS viewer_event_ids)::uuid[]))) AND ((status <> 'DRAFT'::public.poll_status) OR (alany.viewer_role_rank(organisation_id) >= 2))));

--
-- Name: poll poll_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY poll_update ON public.poll FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 2));

--
-- Name: poll poll_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY poll_write ON public.poll FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 2));

--
-- Name: post; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.post ENABLE ROW LEVEL SECURITY;

--
-- Name: post_flag; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.post_flag ENABLE ROW LEVEL SECURITY;

--
-- Name: post_flag post_flag_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_flag_insert ON public.post_flag FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND (flagged_by = alany.viewer_user_id())));

--
-- Name: post_flag post_flag_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_flag_read ON public.post_flag FOR SELECT USING (((alany.viewer_role_rank(organisation_id) >= 2) OR (flagged_by = alany.viewer_user_id())));

--
-- Name: post_flag post_flag_resolve; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_flag_resolve ON public.post_flag FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 2));

--
-- Name: post post_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_insert ON public.post FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (author_id = alany.viewer_user_id())));

--
-- Name: post post_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_read ON public.post FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: post_revision; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.post_revision ENABLE ROW LEVEL SECURITY;

--
-- Name: post_revision post_revision_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_revision_insert ON public.post_revision FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND (edited_by = alany.viewer_user_id())));

--
-- Name: post_revision post_revision_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_revision_read ON public.post_revision FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((alany.viewer_role_rank(organisation_id) >= 2) OR (edited_by = alany.viewer_user_id()))));

--
-- Name: post post_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY post_update ON public.post FOR UPDATE USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((author_id = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 2))));

--
-- Name: question; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.question ENABLE ROW LEVEL SECURITY;

--
-- Name: question question_ask; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY question_ask ON public.question FOR INSERT WITH CHECK ((((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) OR (event_id = ANY (( SELECT alany.viewer_event_ids() AS viewer_event_ids)::uuid[]))) AND ((participant_id IS NULL) OR (participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])))));

--
-- Name: question question_moderate; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY question_moderate ON public.question FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 2));

--
-- Name: question question_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY question_read ON public.question FOR SELECT USING ((((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) OR (event_id = ANY (( SELECT alany.viewer_event_ids() AS viewer_event_ids)::uuid[]))) AND ((status = ANY (ARRAY['APPROVED'::public.question_status, 'ANSWERED'::public.question_status])) OR (alany.viewer_role_rank(organisation_id) >= 2) OR (participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])))));

--
-- Name: question_vote; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.question_vote ENABLE ROW LEVEL SECURITY;

--
-- Name: question_vote_count; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.question_vote_count ENABLE ROW LEVEL SECURITY;

--
-- Name: reaction; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reaction ENABLE ROW LEVEL SECURITY;

--
-- Name: reaction reaction_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reaction_delete ON public.reaction FOR DELETE USING ((user_id = alany.viewer_user_id()));

--
-- Name: reaction reaction_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reaction_read ON public.reaction FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: reaction reaction_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reaction_write ON public.reaction FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (user_id = alany.viewer_user_id())));

--
-- Name: event_registration registration_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registration_insert ON public.event_registration FOR INSERT WITH CHECK (((user_id = alany.viewer_user_id()) AND (space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND alany.event_is_published(event_id)));

--
-- Name: event_registration registration_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registration_read ON public.event_registration FOR SELECT USING (((user_id = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 2)));

--
-- Name: event_registration registration_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY registration_update ON public.event_registration FOR UPDATE USING (((user_id = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 3)));

--
-- Name: report_attachment; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_attachment ENABLE ROW LEVEL SECURITY;

--
-- Name: report_attachment report_attachment_handlers; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_attachment_handlers ON public.report_attachment FOR SELECT USING (alany.viewer_is_handler(organisation_id));

--
-- Name: report_handler; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_handler ENABLE ROW LEVEL SECURITY;

--
-- Name: report_handler_change; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_handler_change ENABLE ROW LEVEL SECURITY;

--
-- Name: report_handler_change report_handler_change_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_change_read ON public.report_handler_change FOR SELECT USING ((alany.viewer_is_handler(organisation_id) OR alany.viewer_is_admin(organisation_id)));

--
-- Name: report_handler_change report_handler_change_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_change_write ON public.report_handler_change FOR INSERT WITH CHECK (((alany.viewer_role_rank(organisation_id) >= 4) AND (changed_by = alany.viewer_user_id())));

--
-- Name: report_handler report_handler_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_delete ON public.report_handler FOR DELETE USING ((alany.viewer_role_rank(organisation_id) >= 4));

--
-- Name: report_handler report_handler_gone; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_gone ON public.report_handler FOR DELETE USING ((NOT (EXISTS ( SELECT 1
   FROM public.membership m
  WHERE ((m.organisation_id = report_handler.organisation_id) AND (m.user_id = report_handler.user_id))))));

--
-- Name: report_handler report_handler_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_read ON public.report_handler FOR SELECT USING ((alany.viewer_is_admin(organisation_id) OR (user_id = alany.viewer_user_id())));

--
-- Name: report_handler report_handler_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_handler_write ON public.report_handler FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 4));

--
-- Name: report_message; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_message ENABLE ROW LEVEL SECURITY;

--
-- Name: report_message report_message_handlers; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_message_handlers ON public.report_message FOR SELECT USING (alany.viewer_is_handler(organisation_id));

--
-- Name: report_message report_message_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY report_message_write ON public.report_message FOR INSERT WITH CHECK ((alany.viewer_is_handler(organisation_id) AND (NOT from_reporter) AND (handler_user_id = alany.viewer_user_id())));

--
-- Name: reporting_config; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reporting_config ENABLE ROW LEVEL SECURITY;

--
-- Name: reporting_config reporting_config_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reporting_config_read ON public.reporting_config FOR SELECT USING (true);

--
-- Name: reporting_config reporting_config_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reporting_config_update ON public.reporting_config FOR UPDATE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: reporting_config reporting_config_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reporting_config_write ON public.reporting_config FOR INSERT WITH CHECK (alany.viewer_is_admin(organisation_id));

--
-- Name: resource; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.resource ENABLE ROW LEVEL SECURITY;

--
-- Name: resource resource_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_delete ON public.resource FOR DELETE USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND (space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND ((created_by = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 2))));

--
-- Name: resource resource_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_insert ON public.resource FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (created_by = alany.viewer_user_id())));

--
-- Name: resource resource_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_read ON public.resource FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: resource resource_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_update ON public.resource FOR UPDATE USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND (space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND ((created_by = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 2)))) WITH CHECK ((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])));

--
-- Name: resource_version; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.resource_version ENABLE ROW LEVEL SECURITY;

--
-- Name: resource_version resource_version_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_version_insert ON public.resource_version FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (created_by = alany.viewer_user_id()) AND (EXISTS ( SELECT 1
   FROM public.resource r
  WHERE ((r.id = resource_version.resource_id) AND (r.space_id = resource_version.space_id) AND (r.organisation_id = resource_version.organisation_id) AND ((r.created_by = alany.viewer_user_id()) OR (alany.viewer_role_rank(r.organisation_id) >= 2)))))));

--
-- Name: resource_version resource_version_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY resource_version_read ON public.resource_version FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: risk; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_assessment; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk_assessment ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_assessment risk_assessment_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_assessment_read ON public.risk_assessment FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((alany.viewer_role_rank(organisation_id) >= 1) OR (status <> 'DRAFT'::public.assessment_status))));

--
-- Name: risk_assessment risk_assessment_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_assessment_update ON public.risk_assessment FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: risk_assessment risk_assessment_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_assessment_write ON public.risk_assessment FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: risk risk_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_read ON public.risk FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((alany.viewer_role_rank(organisation_id) >= 1) OR (EXISTS ( SELECT 1
   FROM public.risk_assessment a
  WHERE ((a.id = risk.assessment_id) AND (a.status <> 'DRAFT'::public.assessment_status)))))));

--
-- Name: risk_score_change; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk_score_change ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_score_change risk_score_change_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_score_change_read ON public.risk_score_change FOR SELECT USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((alany.viewer_role_rank(organisation_id) >= 1) OR (EXISTS ( SELECT 1
   FROM public.risk r
  WHERE (r.id = risk_score_change.risk_id))))));

--
-- Name: risk_score_change risk_score_change_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_score_change_update ON public.risk_score_change FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: risk_score_change risk_score_change_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_score_change_write ON public.risk_score_change FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: risk risk_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_update ON public.risk FOR UPDATE USING ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: risk risk_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_write ON public.risk FOR INSERT WITH CHECK ((alany.viewer_role_rank(organisation_id) >= 1));

--
-- Name: space; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.space ENABLE ROW LEVEL SECURITY;

--
-- Name: space space_create; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_create ON public.space FOR INSERT WITH CHECK (alany.viewer_is_admin(organisation_id));

--
-- Name: space space_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_delete ON public.space FOR DELETE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: space_participant; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.space_participant ENABLE ROW LEVEL SECURITY;

--
-- Name: space_participant space_participant_manage; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_participant_manage ON public.space_participant FOR INSERT WITH CHECK (alany.viewer_is_admin(alany.space_owner(space_id)));

--
-- Name: space_participant space_participant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_participant_read ON public.space_participant FOR SELECT USING (((organisation_id = ANY (alany.viewer_org_ids())) OR (alany.space_owner(space_id) = ANY (alany.viewer_org_ids()))));

--
-- Name: space_participant space_participant_remove; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_participant_remove ON public.space_participant FOR DELETE USING (alany.viewer_is_admin(alany.space_owner(space_id)));

--
-- Name: space space_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_read ON public.space FOR SELECT USING (((organisation_id = ANY (alany.viewer_org_ids())) OR (visibility = 'PUBLIC'::public.space_visibility) OR ((visibility = 'NETWORK'::public.space_visibility) AND (network_id = ANY (alany.viewer_network_ids()))) OR (id = ANY (alany.viewer_shared_space_ids()))));

--
-- Name: space space_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY space_update ON public.space FOR UPDATE USING (alany.viewer_is_admin(organisation_id));

--
-- Name: thread; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.thread ENABLE ROW LEVEL SECURITY;

--
-- Name: thread thread_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_insert ON public.thread FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (author_id = alany.viewer_user_id())));

--
-- Name: thread_reaction; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.thread_reaction ENABLE ROW LEVEL SECURITY;

--
-- Name: thread_reaction thread_reaction_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_reaction_delete ON public.thread_reaction FOR DELETE USING ((user_id = alany.viewer_user_id()));

--
-- Name: thread_reaction thread_reaction_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_reaction_read ON public.thread_reaction FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: thread_reaction thread_reaction_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_reaction_write ON public.thread_reaction FOR INSERT WITH CHECK (((space_id = ANY (( SELECT alany.writable_space_ids() AS writable_space_ids)::uuid[])) AND (user_id = alany.viewer_user_id())));

--
-- Name: thread_read; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.thread_read ENABLE ROW LEVEL SECURITY;

--
-- Name: thread_read thread_read_marker; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_read_marker ON public.thread_read USING ((user_id = alany.viewer_user_id())) WITH CHECK (((user_id = alany.viewer_user_id()) AND (space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[]))));

--
-- Name: thread thread_read_policy; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_read_policy ON public.thread FOR SELECT USING ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])));

--
-- Name: thread thread_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY thread_update ON public.thread FOR UPDATE USING (((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) AND ((author_id = alany.viewer_user_id()) OR (alany.viewer_role_rank(organisation_id) >= 2))));

--
-- Name: question_vote vote_cast; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY vote_cast ON public.question_vote FOR INSERT WITH CHECK (((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])) AND ((space_id = ANY (( SELECT alany.readable_space_ids() AS readable_space_ids)::uuid[])) OR (event_id = ANY (( SELECT alany.viewer_event_ids() AS viewer_event_ids)::uuid[])))));

--
-- Name: question_vote_count vote_count_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY vote_count_read ON public.question_vote_count FOR SELECT USING ((question_id IN ( SELECT question.id
   FROM public.question)));

--
-- Name: question_vote vote_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY vote_read ON public.question_vote FOR SELECT USING ((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])));

--
-- Name: question_vote vote_remove; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY vote_remove ON public.question_vote FOR DELETE USING ((participant_id = ANY (( SELECT alany.viewer_participant_ids() AS viewer_participant_ids)::uuid[])));

--
-- Name: SCHEMA alany; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA alany TO alany_app;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO alany_app;

--
-- Name: FUNCTION api_token_by_hash(hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.api_token_by_hash(hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.api_token_by_hash(hash text) TO alany_app;

--
-- Name: FUNCTION begin_session(secret_hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.begin_session(secret_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.begin_session(secret_hash text) TO alany_app;

--
-- Name: FUNCTION cast_vote(target_question uuid, upvote boolean, guest_hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.cast_vote(target_question uuid, upvote boolean, guest_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.cast_vote(target_question uuid, upvote boolean, guest_hash text) TO alany_app;

--
-- Name: FUNCTION cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[]); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.cast_votes(target_questions uuid[], upvotes boolean[], guest_hashes text[]) TO alany_app;

--
-- Name: FUNCTION claim_report_attachments(report uuid, message uuid, keys text[]); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.claim_report_attachments(report uuid, message uuid, keys text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.claim_report_attachments(report uuid, message uuid, keys text[]) TO alany_app;

--
-- Name: TABLE event; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.event TO alany_app;

--
-- Name: FUNCTION event_by_code(join_code text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.event_by_code(join_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.event_by_code(join_code text) TO alany_app;

--
-- Name: FUNCTION event_guests(target_event uuid, participants uuid[]); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.event_guests(target_event uuid, participants uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.event_guests(target_event uuid, participants uuid[]) TO alany_app;

--
-- Name: FUNCTION event_is_published(target_event uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.event_is_published(target_event uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.event_is_published(target_event uuid) TO alany_app;

--
-- Name: FUNCTION guest_by_hash(hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.guest_by_hash(hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.guest_by_hash(hash text) TO alany_app;

--
-- Name: FUNCTION invitation_by_hash(hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.invitation_by_hash(hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.invitation_by_hash(hash text) TO alany_app;

--
-- Name: FUNCTION is_member_of(target_user uuid, org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.is_member_of(target_user uuid, org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.is_member_of(target_user uuid, org uuid) TO alany_app;

--
-- Name: FUNCTION join_as_guest(join_code text, participant uuid, name text, token_hash text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.join_as_guest(join_code text, participant uuid, name text, token_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.join_as_guest(join_code text, participant uuid, name text, token_hash text) TO alany_app;

--
-- Name: FUNCTION keep_an_owner(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.keep_an_owner() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.keep_an_owner() TO alany_app;

--
-- Name: FUNCTION keep_vote_counts(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.keep_vote_counts() FROM PUBLIC;

--
-- Name: FUNCTION mark_email_delivered(target_email uuid, failure text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.mark_email_delivered(target_email uuid, failure text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.mark_email_delivered(target_email uuid, failure text) TO alany_app;

--
-- Name: FUNCTION network_steward(net uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.network_steward(net uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.network_steward(net uuid) TO alany_app;

--
-- Name: FUNCTION open_event_by_code(join_code text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.open_event_by_code(join_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.open_event_by_code(join_code text) TO alany_app;

--
-- Name: FUNCTION organisation_has_members(org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.organisation_has_members(org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.organisation_has_members(org uuid) TO alany_app;

--
-- Name: FUNCTION poll_results(target_poll uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.poll_results(target_poll uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.poll_results(target_poll uuid) TO alany_app;

--
-- Name: FUNCTION promote_waitlist(target_event uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.promote_waitlist(target_event uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.promote_waitlist(target_event uuid) TO alany_app;

--
-- Name: FUNCTION public_risk_summary(target uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.public_risk_summary(target uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.public_risk_summary(target uuid) TO alany_app;

--
-- Name: FUNCTION question_author_name(); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.question_author_name() TO alany_app;

--
-- Name: FUNCTION readable_space_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.readable_space_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.readable_space_ids() TO alany_app;

--
-- Name: FUNCTION refresh_vote_count(target_question uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.refresh_vote_count(target_question uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.refresh_vote_count(target_question uuid) TO alany_app;

--
-- Name: FUNCTION report_attachments_for_reporter(report uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.report_attachments_for_reporter(report uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.report_attachments_for_reporter(report uuid) TO alany_app;

--
-- Name: FUNCTION report_for_receipt(lookup text); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.report_for_receipt(lookup text) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.report_for_receipt(lookup text) TO alany_app;

--
-- Name: FUNCTION report_messages_for_reporter(report uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.report_messages_for_reporter(report uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.report_messages_for_reporter(report uuid) TO alany_app;

--
-- Name: FUNCTION reporter_reply(report uuid, message uuid, sealed bytea); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.reporter_reply(report uuid, message uuid, sealed bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.reporter_reply(report uuid, message uuid, sealed bytea) TO alany_app;

--
-- Name: FUNCTION reporting_open(org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.reporting_open(org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.reporting_open(org uuid) TO alany_app;

--
-- Name: FUNCTION search_fold(t text); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.search_fold(t text) TO alany_app;

--
-- Name: FUNCTION search_post_hits(q tsquery, spaces uuid[], n integer); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.search_post_hits(q tsquery, spaces uuid[], n integer) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.search_post_hits(q tsquery, spaces uuid[], n integer) TO alany_app;

--
-- Name: FUNCTION search_resource_hits(q tsquery, spaces uuid[], n integer); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.search_resource_hits(q tsquery, spaces uuid[], n integer) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.search_resource_hits(q tsquery, spaces uuid[], n integer) TO alany_app;

--
-- Name: FUNCTION search_resource_typos(fq text, spaces uuid[], n integer); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.search_resource_typos(fq text, spaces uuid[], n integer) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.search_resource_typos(fq text, spaces uuid[], n integer) TO alany_app;

--
-- Name: FUNCTION search_stems(t text); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.search_stems(t text) TO alany_app;

--
-- Name: FUNCTION search_stems_query(q text, prefix boolean); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.search_stems_query(q text, prefix boolean) TO alany_app;

--
-- Name: FUNCTION search_thread_hits(q tsquery, spaces uuid[], n integer); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.search_thread_hits(q tsquery, spaces uuid[], n integer) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.search_thread_hits(q tsquery, spaces uuid[], n integer) TO alany_app;

--
-- Name: FUNCTION search_thread_typos(fq text, spaces uuid[], n integer); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.search_thread_typos(fq text, spaces uuid[], n integer) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.search_thread_typos(fq text, spaces uuid[], n integer) TO alany_app;

--
-- Name: FUNCTION search_word_stems(w text); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.search_word_stems(w text) TO alany_app;

--
-- Name: FUNCTION seats_taken(target_event uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.seats_taken(target_event uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.seats_taken(target_event uuid) TO alany_app;

--
-- Name: FUNCTION space_owner(target_space uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.space_owner(target_space uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.space_owner(target_space uuid) TO alany_app;

--
-- Name: FUNCTION stage_report_attachment(attachment uuid, key text, kind text, bytes integer, sealed_name bytea, sealed_content bytea, max_pending_bytes bigint); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.stage_report_attachment(attachment uuid, key text, kind text, bytes integer, sealed_name bytea, sealed_content bytea, max_pending_bytes bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.stage_report_attachment(attachment uuid, key text, kind text, bytes integer, sealed_name bytea, sealed_content bytea, max_pending_bytes bigint) TO alany_app;

--
-- Name: FUNCTION start_vote_counts(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.start_vote_counts() FROM PUBLIC;

--
-- Name: FUNCTION submit_report(report uuid, org uuid, report_category text, lookup text, verifier text, sealed bytea); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.submit_report(report uuid, org uuid, report_category text, lookup text, verifier text, sealed bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.submit_report(report uuid, org uuid, report_category text, lookup text, verifier text, sealed bytea) TO alany_app;

--
-- Name: FUNCTION tags_text(tags text[]); Type: ACL; Schema: alany; Owner: -
--

GRANT ALL ON FUNCTION alany.tags_text(tags text[]) TO alany_app;

--
-- Name: FUNCTION take_expired_uploads(older_than timestamp with time zone); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.take_expired_uploads(older_than timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.take_expired_uploads(older_than timestamp with time zone) TO alany_app;

--
-- Name: FUNCTION thread_readers(target_thread uuid, users uuid[]); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.thread_readers(target_thread uuid, users uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.thread_readers(target_thread uuid, users uuid[]) TO alany_app;

--
-- Name: FUNCTION thread_replied(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.thread_replied() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.thread_replied() TO alany_app;

--
-- Name: FUNCTION touch_api_token(token uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.touch_api_token(token uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.touch_api_token(token uuid) TO alany_app;

--
-- Name: FUNCTION user_can_read_space(target_user uuid, target_space uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.user_can_read_space(target_user uuid, target_space uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.user_can_read_space(target_user uuid, target_space uuid) TO alany_app;

--
-- Name: FUNCTION viewer_email(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_email() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_email() TO alany_app;

--
-- Name: FUNCTION viewer_event_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_event_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_event_ids() TO alany_app;

--
-- Name: FUNCTION viewer_guest_participant_id(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_guest_participant_id() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_guest_participant_id() TO alany_app;

--
-- Name: FUNCTION viewer_invited_to(org uuid, invited_role public.member_role); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_invited_to(org uuid, invited_role public.member_role) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_invited_to(org uuid, invited_role public.member_role) TO alany_app;

--
-- Name: FUNCTION viewer_invited_to_network(net uuid, org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_invited_to_network(net uuid, org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_invited_to_network(net uuid, org uuid) TO alany_app;

--
-- Name: FUNCTION viewer_is_admin(org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_is_admin(org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_is_admin(org uuid) TO alany_app;

--
-- Name: FUNCTION viewer_is_handler(org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_is_handler(org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_is_handler(org uuid) TO alany_app;

--
-- Name: FUNCTION viewer_network_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_network_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_network_ids() TO alany_app;

--
-- Name: FUNCTION viewer_org_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_org_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_org_ids() TO alany_app;

--
-- Name: FUNCTION viewer_participant_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_participant_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_participant_ids() TO alany_app;

--
-- Name: FUNCTION viewer_role_rank(org uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_role_rank(org uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_role_rank(org uuid) TO alany_app;

--
-- Name: FUNCTION viewer_shared_space_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_shared_space_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_shared_space_ids() TO alany_app;

--
-- Name: FUNCTION viewer_token_org_id(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_token_org_id() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_token_org_id() TO alany_app;

--
-- Name: FUNCTION viewer_user_id(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.viewer_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.viewer_user_id() TO alany_app;

--
-- Name: FUNCTION vote_count(target_question uuid); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.vote_count(target_question uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.vote_count(target_question uuid) TO alany_app;

--
-- Name: FUNCTION vote_counts(target_questions uuid[]); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.vote_counts(target_questions uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION alany.vote_counts(target_questions uuid[]) TO alany_app;

--
-- Name: FUNCTION writable_space_ids(); Type: ACL; Schema: alany; Owner: -
--

REVOKE ALL ON FUNCTION alany.writable_space_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION alany.writable_space_ids() TO alany_app;

--
-- Name: TABLE api_token; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.api_token TO alany_app;

--
-- Name: TABLE app_user; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.app_user TO alany_app;

--
-- Name: TABLE audit_event; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit_event TO alany_app;

--
-- Name: TABLE event_participant; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.event_participant TO alany_app;

--
-- Name: TABLE event_registration; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.event_registration TO alany_app;

--
-- Name: TABLE file_upload; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.file_upload TO alany_app;

--
-- Name: TABLE integrity_report; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.integrity_report TO alany_app;

--
-- Name: COLUMN integrity_report.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.integrity_report TO alany_app;

--
-- Name: COLUMN integrity_report.assignee_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(assignee_user_id) ON TABLE public.integrity_report TO alany_app;

--
-- Name: COLUMN integrity_report.acknowledged_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(acknowledged_on) ON TABLE public.integrity_report TO alany_app;

--
-- Name: COLUMN integrity_report.last_handler_message_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(last_handler_message_on) ON TABLE public.integrity_report TO alany_app;

--
-- Name: COLUMN integrity_report.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_on) ON TABLE public.integrity_report TO alany_app;

--
-- Name: TABLE invitation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.invitation TO alany_app;

--
-- Name: COLUMN invitation.accepted_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(accepted_at) ON TABLE public.invitation TO alany_app;

--
-- Name: COLUMN invitation.accepted_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(accepted_by) ON TABLE public.invitation TO alany_app;

--
-- Name: COLUMN invitation.revoked_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(revoked_at) ON TABLE public.invitation TO alany_app;

--
-- Name: TABLE membership; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.membership TO alany_app;

--
-- Name: TABLE mikro_orm_migrations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.mikro_orm_migrations TO alany_app;

--
-- Name: TABLE mitigation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mitigation TO alany_app;

--
-- Name: TABLE network; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.network TO alany_app;

--
-- Name: TABLE network_invitation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.network_invitation TO alany_app;

--
-- Name: TABLE network_membership; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.network_membership TO alany_app;

--
-- Name: TABLE notification; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.notification TO alany_app;

--
-- Name: TABLE organisation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.organisation TO alany_app;

--
-- Name: TABLE outbox_email; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.outbox_email TO alany_app;

--
-- Name: TABLE poll; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.poll TO alany_app;

--
-- Name: TABLE poll_ballot; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.poll_ballot TO alany_app;

--
-- Name: TABLE poll_option; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.poll_option TO alany_app;

--
-- Name: TABLE post; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.post TO alany_app;

--
-- Name: TABLE post_flag; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.post_flag TO alany_app;

--
-- Name: TABLE post_revision; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.post_revision TO alany_app;

--
-- Name: TABLE question; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.question TO alany_app;

--
-- Name: TABLE question_vote; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.question_vote TO alany_app;

--
-- Name: TABLE question_vote_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.question_vote_count TO alany_app;

--
-- Name: TABLE reaction; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.reaction TO alany_app;

--
-- Name: TABLE report_attachment; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.report_attachment TO alany_app;

--
-- Name: TABLE report_handler; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.report_handler TO alany_app;

--
-- Name: TABLE report_handler_change; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.report_handler_change TO alany_app;

--
-- Name: SEQUENCE report_handler_change_position_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.report_handler_change_position_seq TO alany_app;

--
-- Name: TABLE report_message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.report_message TO alany_app;

--
-- Name: SEQUENCE report_message_position_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.report_message_position_seq TO alany_app;

--
-- Name: TABLE reporting_config; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.reporting_config TO alany_app;

--
-- Name: TABLE resource; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.resource TO alany_app;

--
-- Name: TABLE resource_version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.resource_version TO alany_app;

--
-- Name: TABLE risk; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.risk TO alany_app;

--
-- Name: TABLE risk_assessment; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.risk_assessment TO alany_app;

--
-- Name: TABLE risk_score_change; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.risk_score_change TO alany_app;

--
-- Name: TABLE space; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.space TO alany_app;

--
-- Name: TABLE space_participant; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.space_participant TO alany_app;

--
-- Name: TABLE thread; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.thread TO alany_app;

--
-- Name: TABLE thread_reaction; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.thread_reaction TO alany_app;

--
-- Name: TABLE thread_read; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.thread_read TO alany_app;

--
-- Name: TABLE user_session; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.user_session TO alany_app;

--
-- PostgreSQL database dump complete
--
