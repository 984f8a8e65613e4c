import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import { Coalescer } from '../../platform/pubsub/coalescer.js';
import { Event, EventStatus, Poll, PollOption, PollStatus } from './events.entity.js';
import { EventActivityKind, type PollResults } from './events.inputs.js';
import { eventTopic, publishEventActivity } from './events.live.js';
import { eventRights, mayRunPolls, requireReadPoll, requireRunPolls } from './events.policy.js';
import { ballotChoice, eventPolls, optionsOfPoll, pollTally } from './events.reads.js';
import { requireParticipant } from './audience.service.js';

/*
 * Polls: moderators draft, open and close them; the audience casts one ballot each, changeable
 * while the poll is open.
 */

const BALLOT_WINDOW_MS = 250;
/** Live updates of a poll's ballots, at most one per window. */
const ballots = new Coalescer(BALLOT_WINDOW_MS);

export async function createPoll(
  context: Context,
  eventId: string,
  text: string,
  options: string[],
  multipleChoice: boolean,
): Promise<Poll> {
  requireUser(context);
  const rights = await eventRights(context, eventId);
  requireRunPolls(rights);
  if (rights.event.status === EventStatus.CANCELLED)
    throw BadUserInput.field('eventId', 'EVENT_CANCELLED', 'This event was cancelled.');
  const labels = options.map((option) => option.normalize('NFC').trim());
  if (labels.some((label) => !label))
    throw BadUserInput.field('options', 'REQUIRED', 'Every option needs a text.');
  return context.db.write(async (em) => {
    const poll = em.create(Poll, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId,
      question: text.normalize('NFC').trim(),
      multipleChoice,
      status: PollStatus.DRAFT,
    });
    await em.flush();
    labels.forEach((label, position) =>
      em.create(PollOption, {
        organisationId: poll.organisationId,
        spaceId: poll.spaceId,
        pollId: poll.id,
        label,
        position,
      }),
    );
    await em.flush();
    return poll;
  });
}

export async function setPollStatus(
  context: Context,
  pollId: string,
  status: PollStatus.OPEN | PollStatus.CLOSED,
): Promise<Poll> {
  requireUser(context);
  const { poll, rights } = await requireReadPoll(context, pollId);
  requireRunPolls(rights);
  const from = status === PollStatus.OPEN ? PollStatus.DRAFT : PollStatus.OPEN;
  if (poll.status !== from)
    throw BadUserInput.field(
      'pollId',
      'NOT_ALLOWED',
      `A ${poll.status} poll cannot become ${status}.`,
    );
  return context.db.write(async (em) => {
    const managed = em.merge(poll);
    managed.status = status;
    if (status === PollStatus.OPEN) managed.openedAt = new Date();
    else managed.closedAt = new Date();
    await em.flush();
    publishEventActivity(context, {
      kind: EventActivityKind.POLL_UPDATED,
      eventId: poll.eventId,
      pollId,
    });
    return managed;
  });
}

export async function votePoll(
  context: Context,
  pollId: string,
  optionIds: string[],
): Promise<Poll> {
  const { poll, rights } = await requireReadPoll(context, pollId);
  if (poll.status !== PollStatus.OPEN)
    throw BadUserInput.field('pollId', 'POLL_CLOSED', 'This poll is not open for votes.');
  const chosen = [...new Set(optionIds)];
  if (!poll.multipleChoice && chosen.length !== 1)
    throw BadUserInput.field('optionIds', 'ONE_OPTION', 'Choose exactly one option.');
  const participant = await requireParticipant(context, rights);
  await context.db.write(async (em) => {
    const valid = await em.count(PollOption, { pollId, id: { $in: chosen } });
    if (valid !== chosen.length)
      throw BadUserInput.field('optionIds', 'NOT_IN_POLL', 'Choose options of this poll.');
    await em.execute(
      `insert into poll_ballot (id, organisation_id, space_id, poll_id, participant_id, option_ids, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?::uuid[], now())
       on conflict (poll_id, participant_id) do update set option_ids = excluded.option_ids, updated_at = now()`,
      [poll.organisationId, poll.spaceId, pollId, participant.id, `{${chosen.join(',')}}`],
    );
    context.db.afterCommit(() =>
      ballots.schedule(`poll:${pollId}`, () =>
        context.pubsub.publish(eventTopic(poll.eventId), {
          kind: EventActivityKind.POLL_UPDATED,
          eventId: poll.eventId,
          pollId,
        }),
      ),
    );
  });
  return poll;
}

export async function listPolls(context: Context, event: Event): Promise<Poll[]> {
  const rights = await eventRights(context, event.id);
  return eventPolls(context, event.id, mayRunPolls(rights));
}

export async function pollOptions(context: Context, poll: Poll): Promise<PollOption[]> {
  return optionsOfPoll(context, poll.id);
}

export async function pollResults(context: Context, poll: Poll): Promise<PollResults> {
  const options = await pollOptions(context, poll);
  const tally = await pollTally(context, poll.id);
  return {
    ballots: tally.ballots,
    options: options.map((option) => {
      const count = tally.votes.get(option.id) ?? 0;
      return {
        option,
        votes: count,
        percentage: tally.ballots ? Math.round((count / tally.ballots) * 1000) / 10 : 0,
      };
    }),
  };
}

export async function viewerBallot(
  context: Context,
  poll: Poll,
): Promise<readonly string[] | null> {
  const { participant } = await eventRights(context, poll.eventId);
  if (!participant) return null;
  return ballotChoice(context, poll.id, participant.id);
}
