import type { QuestionFieldsFragment, QuestionStatus } from '../../gql/graphql';

/** What the audience sees; moderators see every status. */
export const AUDIENCE_STATUSES: readonly QuestionStatus[] = ['APPROVED', 'ANSWERED'];

/**
 * A question list after one live event: a null question (no longer visible to this viewer)
 * or one whose status this list does not show is removed; a new visible one is added; a known
 * one is replaced.
 */
export function applyQuestion(
  list: readonly QuestionFieldsFragment[],
  questionId: string | null | undefined,
  question: QuestionFieldsFragment | null | undefined,
  statuses: readonly QuestionStatus[] | null,
): QuestionFieldsFragment[] {
  const id = question?.id ?? questionId;
  if (!id) return [...list];
  const rest = list.filter((item) => item.id !== id);
  if (!question || (statuses && !statuses.includes(question.status))) return rest;
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return [...rest, question];
  const next = [...list];
  next[index] = question;
  return next;
}

/** TOP: pinned, then most upvoted, then oldest. RECENT: newest first. */
export function sortQuestions(
  list: readonly QuestionFieldsFragment[],
  order: 'TOP' | 'RECENT',
): QuestionFieldsFragment[] {
  return [...list].sort((a, b) => {
    if (order === 'RECENT') return b.createdAt.localeCompare(a.createdAt);
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (a.upvoteCount !== b.upvoteCount) return b.upvoteCount - a.upvoteCount;
    return a.createdAt.localeCompare(b.createdAt);
  });
}
