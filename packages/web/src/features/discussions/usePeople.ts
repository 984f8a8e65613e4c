import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import type { Mentionable } from './mention';

const MENTIONABLE_MEMBERS = graphql(`
  query MentionableMembers($organisationId: ID!) {
    members(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          user {
            id
            displayName
            handle
          }
        }
      }
    }
  }
`);

/**
 * The members of the space's organisation, to @mention and to filter by. Someone reading a
 * shared space may not list them: then there is simply nothing to suggest.
 */
export function usePeople(organisationId: string | undefined) {
  const { data } = useQuery(MENTIONABLE_MEMBERS, {
    variables: { organisationId: organisationId ?? '' },
    skip: !organisationId,
    errorPolicy: 'ignore',
  });
  return useMemo(
    () =>
      (data?.members.edges ?? []).map((edge): Mentionable & { id: string } => ({
        id: edge.node.user.id,
        handle: edge.node.user.handle,
        displayName: edge.node.user.displayName,
      })),
    [data],
  );
}
