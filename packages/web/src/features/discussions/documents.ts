import { graphql } from '../../gql';

/** What a reply shows; the same fields for the page, live events and mutations. */
export const POST_FIELDS = graphql(`
  fragment PostFields on Post {
    id
    body
    bodyHtml
    createdAt
    editedAt
    deletedAt
    hiddenAt
    author {
      id
      displayName
      handle
    }
    replyTo {
      id
      bodyHtml
      deletedAt
      hiddenAt
      author {
        id
        displayName
      }
    }
    reactions {
      reaction
      count
      viewerReacted
    }
    revisions {
      id
      body
      createdAt
    }
    viewerCan {
      edit
      delete
      moderate
      react
    }
  }
`);

export const THREAD = graphql(`
  query Thread($id: ID!, $first: Int!, $after: String) {
    thread(id: $id) {
      id
      title
      body
      bodyHtml
      createdAt
      lastActivityAt
      locked
      pinned
      tags
      replyCount
      unreadCount
      author {
        id
        displayName
        handle
      }
      space {
        id
        name
        organisation {
          id
          slug
          name
        }
      }
      viewerCan {
        delete
        moderate
        reply
        update
        react
      }
      reactions {
        reaction
        count
        viewerReacted
      }
      posts(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...PostFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const THREAD_ACTIVITY = graphql(`
  subscription ThreadActivity($threadId: ID!) {
    threadActivity(threadId: $threadId) {
      kind
      postId
      post {
        ...PostFields
      }
      thread {
        id
        title
        locked
        pinned
        tags
        replyCount
      }
    }
  }
`);

export const CREATE_POST = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      post {
        ...PostFields
      }
    }
  }
`);

export const EDIT_POST = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      post {
        ...PostFields
      }
    }
  }
`);

export const DELETE_POST = graphql(`
  mutation DeletePost($input: PostIdInput!) {
    deletePost(input: $input) {
      post {
        ...PostFields
      }
    }
  }
`);

export const TOGGLE_REACTION = graphql(`
  mutation ToggleReaction($input: ToggleReactionInput!) {
    toggleReaction(input: $input) {
      post {
        id
        reactions {
          reaction
          count
          viewerReacted
        }
      }
    }
  }
`);

export const FLAG_POST = graphql(`
  mutation FlagPost($input: FlagPostInput!) {
    flagPost(input: $input) {
      flag {
        id
      }
    }
  }
`);

export const HIDE_POST = graphql(`
  mutation HidePost($input: HidePostInput!) {
    hidePost(input: $input) {
      post {
        ...PostFields
      }
    }
  }
`);

export const RESTORE_POST = graphql(`
  mutation RestorePost($input: PostIdInput!) {
    restorePost(input: $input) {
      post {
        ...PostFields
      }
    }
  }
`);

export const PIN_THREAD = graphql(`
  mutation PinThread($input: ThreadFlagInput!) {
    pinThread(input: $input) {
      thread {
        id
        pinned
      }
    }
  }
`);

export const LOCK_THREAD = graphql(`
  mutation LockThread($input: ThreadFlagInput!) {
    lockThread(input: $input) {
      thread {
        id
        locked
        viewerCan {
          delete
          moderate
          reply
          update
        }
      }
    }
  }
`);

export const DELETE_THREAD = graphql(`
  mutation DeleteThread($input: ThreadIdInput!) {
    deleteThread(input: $input) {
      deletedId
    }
  }
`);

export const MARK_THREAD_READ = graphql(`
  mutation MarkThreadRead($input: ThreadIdInput!) {
    markThreadRead(input: $input) {
      thread {
        id
        unreadCount
      }
    }
  }
`);

export const TOGGLE_THREAD_REACTION = graphql(`
  mutation ToggleThreadReaction($input: ToggleThreadReactionInput!) {
    toggleThreadReaction(input: $input) {
      thread {
        id
        reactions {
          reaction
          count
          viewerReacted
        }
      }
    }
  }
`);

export const UPDATE_THREAD_TEXT = graphql(`
  mutation UpdateThreadText($input: UpdateThreadInput!) {
    updateThread(input: $input) {
      thread {
        id
        title
        body
        bodyHtml
        tags
      }
    }
  }
`);
