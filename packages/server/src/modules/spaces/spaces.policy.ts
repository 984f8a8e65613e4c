import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { notFound } from '../../platform/graphql/errors.js';
import { MemberRole, hasRank, requireRole, viewerRole } from '../organisations/index.js';
import { Space, SpaceVisibility } from './spaces.entity.js';
import { spaceLoader, spaceReach, type SpaceReach } from './spaces.reads.js';

/** What a space rule looks at: the space's owner, visibility and network. */
type SpaceFacts = Pick<Space, 'id' | 'organisationId' | 'visibility' | 'networkId'>;

/**
 * One way into a space, written once as both a query filter (lists are filtered in the query)
 * and a test of one space (a space already loaded), side by side so that they cannot drift.
 */
interface Way {
  where(reach: SpaceReach): FilterQuery<Space>;
  holds(reach: SpaceReach, space: SpaceFacts): boolean;
}

const MEMBER_OF_OWNER: Way = {
  where: (reach) => ({ organisationId: { $in: [...reach.organisationIds] } }),
  holds: (reach, space) => reach.organisationIds.includes(space.organisationId),
};
const PUBLIC: Way = {
  where: () => ({ visibility: SpaceVisibility.PUBLIC }),
  holds: (_reach, space) => space.visibility === SpaceVisibility.PUBLIC,
};
const IN_ITS_NETWORK: Way = {
  where: (reach) => ({
    visibility: SpaceVisibility.NETWORK,
    networkId: { $in: [...reach.networkIds] },
  }),
  holds: (reach, space) =>
    space.visibility === SpaceVisibility.NETWORK &&
    !!space.networkId &&
    reach.networkIds.includes(space.networkId),
};
const SHARED_WITH: Way = {
  where: (reach) => ({ id: { $in: [...reach.sharedSpaceIds] } }),
  holds: (reach, space) => reach.sharedSpaceIds.includes(space.id),
};

/**
 * Who may read a space: members of the owning organisation, of organisations it is shared with,
 * of any organisation in its network when NETWORK, and anyone when PUBLIC. The database's
 * `alany.readable_space_ids()` is the same rule for row-level security (spaces.policy.test.ts
 * proves that they agree); `writable_space_ids()` is `WRITE` below.
 */
const READ = [MEMBER_OF_OWNER, PUBLIC, IN_ITS_NETWORK, SHARED_WITH];
/** Who may write (threads, replies, reactions): as READ, but PUBLIC readers may not. */
const WRITE = [MEMBER_OF_OWNER, IN_ITS_NETWORK, SHARED_WITH];

/** The filter that keeps the spaces the viewer may read, for a list read in one query. */
export async function readableSpacesWhere(context: Context): Promise<FilterQuery<Space>> {
  const reach = await spaceReach(context);
  return { $or: READ.map((way) => way.where(reach)) };
}

/** Whether the viewer may read this space. */
export async function mayReadSpace(context: Context, space: SpaceFacts): Promise<boolean> {
  const reach = await spaceReach(context);
  return READ.some((way) => way.holds(reach, space));
}

/**
 * Whether the viewer may write in this space: a person or an API token with the WRITE scope,
 * of an organisation with access (never only because the space is PUBLIC).
 */
export async function mayWriteInSpace(context: Context, space: SpaceFacts): Promise<boolean> {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous' || viewer.kind === 'guest') return false;
  if (viewer.kind === 'apiToken' && !viewer.scopes.includes('WRITE')) return false;
  const reach = await spaceReach(context);
  return WRITE.some((way) => way.holds(reach, space));
}

/**
 * Whether the viewer moderates the space (pin, lock, hide, restore): MODERATORs of the owning
 * organisation. Network stewards' moderators are not (yet): the database's policies and the
 * audit log would refuse their actions.
 */
export async function mayModerateSpace(context: Context, space: SpaceFacts): Promise<boolean> {
  return (
    context.viewer.kind === 'user' &&
    hasRank(await viewerRole(context, space.organisationId), MemberRole.MODERATOR)
  );
}

/** Whether the viewer may change and share the space: ADMINs of the owning organisation. */
export async function mayAdministerSpace(context: Context, space: SpaceFacts): Promise<boolean> {
  return (
    context.viewer.kind === 'user' &&
    hasRank(await viewerRole(context, space.organisationId), MemberRole.ADMIN)
  );
}

/** Create spaces in an organisation: its ADMINs (NOT_FOUND outside it, FORBIDDEN below ADMIN). */
export async function requireCreateSpace(context: Context, organisationId: string): Promise<void> {
  await requireRole(context, organisationId, MemberRole.ADMIN);
}

/** What the viewer may do with a space (`Space.viewerCan`). */
export async function spaceViewerCan(context: Context, space: SpaceFacts) {
  const admin = await mayAdministerSpace(context, space);
  const contribute = context.viewer.kind === 'user' && (await mayWriteInSpace(context, space));
  return { update: admin, share: admin, contribute };
}

/** Whether the viewer sees whom the space is shared with: members of the owning organisation. */
export async function maySeeSpaceSharing(context: Context, space: SpaceFacts): Promise<boolean> {
  return (await viewerRole(context, space.organisationId)) !== null;
}

/** The space if the viewer may read it; NOT_FOUND otherwise, whether or not it exists. */
export async function readableSpace(context: Context, id: string): Promise<Space> {
  const [space, reach] = await Promise.all([spaceLoader(context).load(id), spaceReach(context)]);
  if (!space || !READ.some((way) => way.holds(reach, space))) throw notFound('The space');
  return space;
}

/**
 * The space, loaded in `em` to be changed, for an ADMIN of its organisation: NOT_FOUND for those
 * who may not read it or are outside its organisation, FORBIDDEN for a lower role.
 */
export async function requireAdministerSpace(
  context: Context,
  em: EntityManager,
  id: string,
): Promise<Space> {
  const space = await em.findOne(Space, { id });
  if (!space || !(await mayReadSpace(context, space))) throw notFound('The space');
  await requireRole(context, space.organisationId, MemberRole.ADMIN, 'The space');
  return space;
}

export interface SpaceRights {
  readonly space: Space;
  /** Write threads, replies and reactions: members of the organisations with access, not PUBLIC readers. */
  readonly write: boolean;
  /** Pin, lock, hide and restore: MODERATORs of the owning organisation. */
  readonly moderate: boolean;
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestMemos {
    /** Rights per space id. */
    spaceRights: Map<string, Promise<SpaceRights>>;
  }
}

function rightsMemo(context: Context): Map<string, Promise<SpaceRights>> {
  return context.loaders.memo('spaceRights', () => new Map());
}

/**
 * What the viewer may do in a space it can read; NOT_FOUND when it cannot read it. Decided once
 * per request (or per live event) and space: a page asks it for the thread and for every post.
 */
export function spaceRights(context: Context, spaceId: string): Promise<SpaceRights> {
  const memo = rightsMemo(context);
  let rights = memo.get(spaceId);
  if (!rights) {
    rights = decideSpaceRights(context, spaceId);
    memo.set(spaceId, rights);
  }
  return rights;
}

/**
 * Live delivery decides the rights of many subscribers in one statement (`thread_readers`,
 * the same rule in SQL) and hands each subscriber's fresh context its own answer.
 */
export function primeSpaceRights(context: Context, rights: SpaceRights): void {
  rightsMemo(context).set(rights.space.id, Promise.resolve(rights));
}

async function decideSpaceRights(context: Context, spaceId: string): Promise<SpaceRights> {
  const space = await readableSpace(context, spaceId);
  const write = await mayWriteInSpace(context, space);
  return { space, write, moderate: await mayModerateSpace(context, space) };
}
