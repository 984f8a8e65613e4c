import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import { Coalescer } from '../../platform/pubsub/coalescer.js';
import { readOnlyEntity } from '../../platform/database/read-only.js';
import { requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import type { StatementRunner } from '../../platform/database/unit-of-work.js';
import { Question, QuestionModeration, QuestionStatus } from './events.entity.js';
import {
  EventActivityKind,
  ModerationAction,
  QuestionOrder,
  type QuestionsArgs,
} from './events.inputs.js';
import { eventTopic, publishEventActivity } from './events.live.js';
import {
  AUDIENCE_STATUSES,
  CLOSED_EVENT,
  eventRights,
  readableQuestionStatuses,
  requireModerateQuestions,
  requireOpenEvent,
  requireReadQuestion,
} from './events.policy.js';
import { questionsWithExactCounts, viewerUpvoted } from './events.reads.js';
import { requireParticipant } from './audience.service.js';

/*
 * Questions: asking, upvoting (one statement per vote, guests' votes batched), moderation and
 * the lists the audience and moderators see.
 */

const VOTE_WINDOW_MS = 250;
/** Recounts and live updates of a question's votes, at most one per window. */
const votes = new Coalescer(VOTE_WINDOW_MS);

export async function askQuestion(
  context: Context,
  eventId: string,
  body: string,
  anonymous: boolean,
): Promise<Question> {
  const rights = await eventRights(context, eventId);
  requireOpenEvent(rights.event);
  const text = body.normalize('NFC').trim();
  if (!text) throw BadUserInput.field('body', 'REQUIRED', 'Write your question first.');
  if (anonymous && !rights.event.allowAnonymousQuestions) {
    throw BadUserInput.field(
      'anonymous',
      'ANONYMOUS_NOT_ALLOWED',
      'This event takes questions with a name only.',
    );
  }
  const participant = await requireParticipant(context, rights);
  await enforce(context.rateLimiter, LIMITS.askQuestion, `ask:${participant.id}`);
  return context.db.write(async (em) => {
    const question = em.create(Question, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId,
      // An anonymous question keeps no trace of who asked.
      participantId: anonymous ? null : participant.id,
      authorName: anonymous ? null : participant.displayName,
      body: text,
      anonymous,
      status:
        rights.event.questionModeration === QuestionModeration.PRE
          ? QuestionStatus.PENDING
          : QuestionStatus.APPROVED,
    });
    await em.flush();
    publishEventActivity(context, {
      kind: EventActivityKind.QUESTION_ADDED,
      eventId,
      questionId: question.id,
    });
    return question;
  });
}

type VoteOutcome =
  | 'OK'
  | 'NO_QUESTION'
  | 'NO_PARTICIPANT'
  | 'EVENT_CANCELLED'
  | 'EVENT_NOT_PUBLISHED'
  | 'EVENT_ENDED'
  | 'NOT_VOTABLE';

/** The error for each refusal of `alany.cast_vote`: the same as the checks below raise. */
function voteRefused(outcome: Exclude<VoteOutcome, 'OK'>) {
  switch (outcome) {
    case 'NO_QUESTION':
      return notFound('The question');
    case 'NO_PARTICIPANT':
      return forbidden('Join the event with its code first.');
    case 'NOT_VOTABLE':
      return BadUserInput.field(
        'questionId',
        'NOT_VOTABLE',
        'Only approved questions can be upvoted.',
      );
    default:
      return BadUserInput.field('questionId', outcome, CLOSED_EVENT[outcome]);
  }
}

interface CastVote {
  outcome: VoteOutcome;
  changed: number;
  /** The question with its exact count (only when cast), a copy no unit of work tracks. */
  question: Question | null;
  /** Already committed on its own (a guest's vote) rather than in the operation's transaction. */
  committed: boolean;
}

/**
 * The vote in one statement (`alany.cast_vote`, see its migration): the database checks the
 * voter, the event and the question, casts or takes back the vote and counts.
 *
 * A guest proves who it is with its token's hash, so its vote needs no viewer settings and
 * runs as a statement of its own outside the operation's transaction (autocommit), shared with
 * the guests' votes that arrive with it (`GuestVoteBatcher`): one round trip at most. Being
 * outside the operation's transaction, it stays cast even if something else in the same HTTP
 * operation fails (mutations there are already independent of each other). It commits with `synchronous_commit = off` for this statement's transaction only: the
 * answer does not wait for the WAL to reach the disk (5–30 ms under a storm), and the trade-off,
 * as PostgreSQL documents it, is that a vote acknowledged in the last fraction of a second
 * before an operating-system crash (not a PostgreSQL crash) may be lost after a restart. Never
 * a corrupt or inexact count: the vote row and the count are one atomic transaction, and what
 * is lost is lost whole. A signed-in person votes in the operation's transaction, as themself
 * (`viewer_user_id()` reads the transaction's settings), committed as usual.
 */
async function castVote(context: Context, questionId: string, upvote: boolean): Promise<CastVote> {
  const viewer = context.viewer;
  if (viewer.kind === 'guest') {
    const hash = viewer.tokenHash;
    return context.db.standalone(async (em) =>
      voteAnswer(em, await guestVotes(em).cast({ questionId, upvote, hash }), true),
    );
  }
  return context.db.read(async (em) => {
    const [row] = await em.execute<CastVoteRow[]>('select * from alany.cast_vote(?, ?, ?)', [
      questionId,
      upvote,
      null,
    ]);
    if (!row) throw new Error('alany.cast_vote gave no answer');
    return voteAnswer(em, row, false);
  });
}

interface CastVoteRow {
  outcome: VoteOutcome;
  changed: number | null;
  votes: number | null;
  id: string;
  organisation_id: string;
  space_id: string;
  event_id: string;
  participant_id: string | null;
  body: string;
  anonymous: boolean;
  status: QuestionStatus;
  pinned: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

function voteAnswer(em: StatementRunner, row: CastVoteRow, committed: boolean): CastVote {
  if (row.outcome !== 'OK') return { outcome: row.outcome, changed: 0, question: null, committed };
  // A copy no entity manager tracks: a flush never writes its count to the question row that
  // every voter shares (the cached count is refreshed by the coalesced recount).
  const question = readOnlyEntity(em, Question, { ...row, upvote_count: row.votes ?? 0 });
  return { outcome: row.outcome, changed: row.changed ?? 0, question, committed };
}

interface GuestVote {
  questionId: string;
  upvote: boolean;
  hash: string;
}

/**
 * Group commit for guests' votes. A vote that finds no batch in flight goes at once; votes that
 * arrive while batches are in flight wait for one to return and then go together, as one
 * statement (`alany.cast_votes`: each vote checked and answered with its count as if cast on its
 * own, in order; batches on the same question take turns on its counter) and one commit. A lone
 * vote waits for nothing; a hall voting at once costs a few statements instead of one per vote.
 * Should a batch fail (a question or participant deleted under it), its votes are cast again one
 * by one, so that only the vote at fault fails.
 */
class GuestVoteBatcher {
  private static readonly IN_FLIGHT = 4;
  private static readonly MAX_BATCH = 500;
  private queue: Array<{
    vote: GuestVote;
    resolve: (row: CastVoteRow) => void;
    reject: (error: unknown) => void;
  }> = [];
  private inFlight = 0;

  constructor(private readonly em: StatementRunner) {}

  cast(vote: GuestVote): Promise<CastVoteRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ vote, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < GuestVoteBatcher.IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, GuestVoteBatcher.MAX_BATCH);
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async send(batch: GuestVoteBatcher['queue']) {
    try {
      const rows = await this.em.execute<Array<CastVoteRow & { seq: number }>>(
        // synchronous_commit = off for this statement's own transaction: see castVote.
        `select v.* from alany.cast_votes(?::uuid[], ?::boolean[], ?::text[]) v,
         set_config('synchronous_commit', 'off', true) s order by v.seq`,
        [
          arrayLiteral(batch.map((b) => b.vote.questionId)),
          arrayLiteral(batch.map((b) => String(b.vote.upvote))),
          arrayLiteral(batch.map((b) => b.vote.hash)),
        ],
      );
      batch.forEach((pending, index) => {
        const row = rows[index];
        if (row && row.seq === index + 1) pending.resolve(row);
        else pending.reject(new Error('alany.cast_votes gave no answer for a vote'));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.send([pending])));
    }
  }
}

/**
 * A PostgreSQL array literal with every element quoted: whatever an element holds (ids are
 * validated as UUIDs before, hashes are hex), it stays one element, so the three arrays of a
 * batch can never slip against each other and pair one guest's proof with another's vote.
 */
function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One batcher per database (the ORM's driver), since the module serves every app in a process. */
const guestVoteBatchers = new WeakMap<object, GuestVoteBatcher>();
function guestVotes(em: StatementRunner): GuestVoteBatcher {
  const key = em.getDriver();
  let batcher = guestVoteBatchers.get(key);
  if (!batcher) {
    batcher = new GuestVoteBatcher(em);
    guestVoteBatchers.set(key, batcher);
  }
  return batcher;
}

export async function setUpvote(
  context: Context,
  questionId: string,
  upvote: boolean,
): Promise<Question> {
  let vote = await castVote(context, questionId, upvote);
  if (vote.outcome !== 'OK') {
    // Refused, or a signed-in person's first vote in this event. The checks the vote made
    // before it was one statement run again, to raise exactly the error they always raised (a
    // question the viewer may not see is NOT_FOUND whatever else is wrong with it) and to
    // create the person's participant; then the vote is cast by the same one rule.
    const { question, rights } = await requireReadQuestion(context, questionId);
    requireOpenEvent(rights.event, 'questionId');
    if (!AUDIENCE_STATUSES.includes(question.status)) throw voteRefused('NOT_VOTABLE');
    await requireParticipant(context, rights);
    vote = await castVote(context, questionId, upvote);
    if (vote.outcome !== 'OK') throw voteRefused(vote.outcome);
  }
  const question = vote.question!;
  if (vote.changed) {
    // Many votes in a moment become one recount and one live update carrying the latest count.
    const eventId = question.eventId;
    const recount = () =>
      votes.schedule(questionId, async () => {
        await context.db.detached((em) =>
          em.execute('select alany.refresh_vote_count(?)', [questionId]),
        );
        await context.pubsub.publish(eventTopic(eventId), {
          kind: EventActivityKind.VOTES_CHANGED,
          eventId,
          questionId,
        });
      });
    if (vote.committed) recount();
    else context.db.afterCommit(recount);
  }
  viewerUpvoted(context).prime(questionId, upvote);
  return question;
}

const NEXT_STATUS: Partial<
  Record<ModerationAction, { from: QuestionStatus[]; to: QuestionStatus }>
> = {
  [ModerationAction.APPROVE]: {
    from: [QuestionStatus.PENDING, QuestionStatus.REJECTED, QuestionStatus.ARCHIVED],
    to: QuestionStatus.APPROVED,
  },
  [ModerationAction.REJECT]: {
    from: [QuestionStatus.PENDING, QuestionStatus.APPROVED],
    to: QuestionStatus.REJECTED,
  },
  [ModerationAction.MARK_ANSWERED]: {
    from: [QuestionStatus.APPROVED],
    to: QuestionStatus.ANSWERED,
  },
  [ModerationAction.ARCHIVE]: {
    from: [QuestionStatus.APPROVED, QuestionStatus.ANSWERED, QuestionStatus.REJECTED],
    to: QuestionStatus.ARCHIVED,
  },
};

export async function moderateQuestion(
  context: Context,
  questionId: string,
  action: ModerationAction,
): Promise<Question> {
  requireUser(context);
  const { question, rights } = await requireReadQuestion(context, questionId);
  requireModerateQuestions(rights);
  return context.db.write(async (em) => {
    const managed = em.merge(question);
    if (action === ModerationAction.PIN || action === ModerationAction.UNPIN) {
      managed.pinned = action === ModerationAction.PIN;
    } else {
      const step = NEXT_STATUS[action]!;
      if (!step.from.includes(managed.status)) {
        throw BadUserInput.field(
          'action',
          'NOT_ALLOWED',
          `A ${managed.status} question cannot be changed with ${action}.`,
        );
      }
      managed.status = step.to;
    }
    await em.flush();
    publishEventActivity(context, {
      kind: EventActivityKind.QUESTION_UPDATED,
      eventId: question.eventId,
      questionId,
    });
    return managed;
  });
}

export async function listQuestions(context: Context, args: QuestionsArgs): Promise<Question[]> {
  const rights = await eventRights(context, args.eventId);
  const statuses = readableQuestionStatuses(rights, args.status);
  const questions = await questionsWithExactCounts(context, args.eventId, statuses);
  const newest = (a: Question, b: Question) =>
    b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id);
  const top = (a: Question, b: Question) =>
    Number(b.pinned) - Number(a.pinned) ||
    b.upvoteCount - a.upvoteCount ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id);
  return questions.sort(args.orderBy === QuestionOrder.RECENT ? newest : top).slice(0, args.first);
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    questionAuthorName: RequestLoader<string, string>;
  }
}

/**
 * The asker's name as everyone who may see the question sees it: stored on the question, since
 * other guests may not read the asker's participant row (issue #26.1).
 */
export async function questionAuthorName(
  context: Context,
  question: Question,
): Promise<string | null> {
  if (question.anonymous) return null;
  if (question.authorName) return question.authorName;
  // A question answered by the vote functions comes without the column: read it (batched).
  return requestLoader(context, 'questionAuthorName', async (em, ids) => {
    const rows = await em.execute<Array<{ id: string; author_name: string | null }>>(
      `select id, author_name from question where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    const names = new Map(rows.map((row) => [row.id, row.author_name]));
    return ids.map((id) => names.get(id) ?? null);
  }).load(question.id);
}
