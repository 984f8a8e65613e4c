import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import type { QuestionStatus } from '../../gql/graphql';
import { EVENT_UPDATED, QUESTIONS } from './documents';
import { applyQuestion } from './live';

/**
 * An event's questions, kept current by `eventUpdated`: questions are added, replaced or
 * removed in the cache; polls update themselves (normalised by id) and a newly visible one is
 * added to the event's list.
 */
export function useLiveEvent(
  eventId: string | undefined,
  {
    status = null,
    statuses,
    skip = false,
  }: { status?: QuestionStatus | null; statuses: readonly QuestionStatus[] | null; skip?: boolean },
) {
  const client = useApolloClient();
  const variables = { eventId: eventId ?? '', status, orderBy: 'TOP' as const };
  const result = useQuery(QUESTIONS, {
    variables,
    skip: skip || !eventId,
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(EVENT_UPDATED, {
    variables: { eventId: eventId ?? '' },
    skip: skip || !eventId,
    onData: ({ data }) => {
      const activity = data.data?.eventUpdated;
      if (!activity) return;
      if (activity.kind === 'POLL_UPDATED' && activity.poll) {
        const pollId = activity.poll.id;
        client.cache.modify({
          id: client.cache.identify({ __typename: 'Event', id: activity.event.id }),
          fields: {
            polls: (existing: readonly { __ref: string }[] = [], { toReference }) => {
              const ref = toReference({ __typename: 'Poll', id: pollId });
              return !ref || existing.some((item) => item.__ref === ref.__ref)
                ? existing
                : [...existing, ref];
            },
          },
        });
        return;
      }
      const aboutQuestion =
        activity.kind === 'QUESTION_ADDED' ||
        activity.kind === 'QUESTION_UPDATED' ||
        activity.kind === 'VOTES_CHANGED';
      // A vote count without the question changes nothing here; a missing question on an
      // update means the viewer may no longer see it.
      if (!aboutQuestion || (!activity.question && activity.kind !== 'QUESTION_UPDATED')) return;
      client.cache.updateQuery({ query: QUESTIONS, variables }, (current) =>
        current
          ? {
              questions: applyQuestion(
                current.questions,
                activity.questionId,
                activity.question,
                statuses,
              ),
            }
          : current,
      );
    },
  });
  return result;
}
