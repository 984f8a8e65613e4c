import type { ReactionKind } from '../../gql/graphql';

/** The fixed set the server accepts, in the order the buttons show them. */
export const REACTIONS: readonly ReactionKind[] = [
  'LIKE',
  'THANKS',
  'INSIGHTFUL',
  'AGREE',
  'QUESTION',
];
