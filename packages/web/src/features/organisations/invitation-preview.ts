import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const INVITATION_PREVIEW = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      organisationName
      email
    }
  }
`);

/** The token of an invitation link (`/invitations/accept?token=…`) inside a `next` path, if any. */
export function invitationTokenIn(next: string | null): string {
  if (!next?.startsWith('/invitations/accept?')) return '';
  return new URLSearchParams(next.slice(next.indexOf('?'))).get('token')?.trim() ?? '';
}

/**
 * Who invites and which address, for the holder of an invitation's token; null while loading,
 * without a token, or once the invitation can no longer be accepted (the accept step says why).
 */
export function useInvitationPreview(token: string) {
  const { data } = useQuery(INVITATION_PREVIEW, { variables: { token }, skip: !token });
  return data?.invitationPreview ?? null;
}
