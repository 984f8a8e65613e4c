import type { MemberRole } from '../../gql/graphql';

/** Highest first, as people read a list of roles. */
export const MEMBER_ROLES: readonly MemberRole[] = ['OWNER', 'ADMIN', 'MODERATOR', 'MEMBER'];
