import { describe, expect, it } from 'vitest';
import type { QuestionFieldsFragment } from '../../gql/graphql';
import { applyQuestion, AUDIENCE_STATUSES, sortQuestions } from './live';

const question = (
  id: string,
  patch: Partial<QuestionFieldsFragment> = {},
): QuestionFieldsFragment => ({
  __typename: 'Question',
  id,
  body: `Question ${id}`,
  anonymous: false,
  authorName: 'Aigerim',
  createdAt: `2026-11-27T10:00:0${id}Z`,
  pinned: false,
  status: 'APPROVED',
  upvoteCount: 0,
  viewerUpvoted: false,
  ...patch,
});

describe('live questions', () => {
  it('adds, replaces and removes as events arrive', () => {
    let list = applyQuestion([], null, question('1'), AUDIENCE_STATUSES);
    expect(list.map((q) => q.id)).toEqual(['1']);
    list = applyQuestion(list, null, question('1', { upvoteCount: 3 }), AUDIENCE_STATUSES);
    expect(list[0]?.upvoteCount).toBe(3);
    // Pending questions never reach the audience list; a null question is removed.
    expect(
      applyQuestion(list, null, question('2', { status: 'PENDING' }), AUDIENCE_STATUSES),
    ).toHaveLength(1);
    expect(applyQuestion(list, '1', null, AUDIENCE_STATUSES)).toEqual([]);
    expect(
      applyQuestion(list, null, question('1', { status: 'ARCHIVED' }), AUDIENCE_STATUSES),
    ).toEqual([]);
  });

  it('puts pinned questions first, then the most upvoted', () => {
    const list = [
      question('1', { upvoteCount: 5 }),
      question('2', { upvoteCount: 9 }),
      question('3', { pinned: true }),
    ];
    expect(sortQuestions(list, 'TOP').map((q) => q.id)).toEqual(['3', '2', '1']);
    expect(sortQuestions(list, 'RECENT').map((q) => q.id)).toEqual(['3', '2', '1']);
  });
});
