import { MockedProvider } from '@apollo/client/testing/react';
import type { MockedResponse } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { ToggleReactionDocument, type PostFieldsFragment } from '../../gql/graphql';
import { PostItem } from './PostItem';

const post: PostFieldsFragment = {
  __typename: 'Post',
  id: 'p1',
  body: 'We should compare the prices.',
  bodyHtml: '<p>We should compare the <em>prices</em>.</p>',
  createdAt: '2026-11-27T10:00:00Z',
  editedAt: null,
  deletedAt: null,
  hiddenAt: null,
  author: { __typename: 'User', id: 'u1', displayName: 'Aigerim Sadykova', handle: 'aigerim' },
  replyTo: null,
  reactions: [{ __typename: 'ReactionCount', reaction: 'LIKE', count: 2, viewerReacted: false }],
  revisions: null,
  viewerCan: {
    __typename: 'PostViewerCan',
    edit: false,
    delete: false,
    moderate: false,
    react: true,
  },
};

const likedReactions: PostFieldsFragment['reactions'] = [
  { __typename: 'ReactionCount', reaction: 'LIKE', count: 3, viewerReacted: true },
];

const liked: MockedResponse = {
  request: {
    query: ToggleReactionDocument,
    variables: { input: { postId: 'p1', reaction: 'LIKE' } },
  },
  result: {
    data: {
      toggleReaction: {
        __typename: 'PostPayload',
        post: {
          __typename: 'Post',
          id: 'p1',
          reactions: likedReactions,
        },
      },
    },
  },
};

describe('a reply', () => {
  it('shows the server’s rendering and reaction buttons with their pressed state', async () => {
    const user = userEvent.setup();
    let current = post;
    const { rerender } = render(
      <MockedProvider mocks={[liked]}>
        <I18nProvider initial="en">
          <PostItem post={current} people={[]} onReply={() => {}} />
        </I18nProvider>
      </MockedProvider>,
    );
    expect(screen.getByRole('article', { name: 'Reply by Aigerim Sadykova' })).toBeTruthy();
    expect(screen.getByText('prices').tagName).toBe('EM');
    const like = screen.getByRole('button', { name: 'Like 2' });
    expect(like.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Thanks 0' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    // No edit or delete for someone else's reply; reporting is open to every reader.
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Report to moderators' })).toBeTruthy();

    await user.click(like);
    // The page passes the post from the cache; here the mutation's answer stands in for it.
    current = { ...post, reactions: likedReactions };
    rerender(
      <MockedProvider mocks={[]}>
        <I18nProvider initial="en">
          <PostItem post={current} people={[]} onReply={() => {}} />
        </I18nProvider>
      </MockedProvider>,
    );
    expect(screen.getByRole('button', { name: 'Like 3' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});
