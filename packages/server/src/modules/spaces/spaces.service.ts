import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import { Organisation } from '../organisations/index.js';
import { NetworkMembership } from '../networks/index.js';
import { Space, SpaceParticipant, SpaceVisibility } from './spaces.entity.js';
import {
  maySeeSpaceSharing,
  requireCreateSpace,
  readableSpace,
  readableSpacesWhere,
  requireAdministerSpace,
} from './spaces.policy.js';
import { participantsLoader } from './spaces.reads.js';
import type {
  CreateSpaceInput,
  ShareSpaceInput,
  SpaceFilter,
  UpdateSpaceInput,
} from './spaces.inputs.js';

export async function findSpace(context: Context, id: string): Promise<Space | null> {
  return readableSpace(context, id).catch(() => null);
}

export async function listSpaces(
  context: Context,
  filter: SpaceFilter | undefined,
  page: PageArgs,
): Promise<Connection<Space>> {
  const readable = await readableSpacesWhere(context);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Space,
      {
        $and: [
          readable,
          {
            ...(filter?.organisationId ? { organisationId: filter.organisationId } : {}),
            ...(filter?.networkId ? { networkId: filter.networkId } : {}),
            ...(filter?.visibility ? { visibility: filter.visibility } : {}),
            ...afterCursor(after),
          },
        ],
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (s) => ({ at: s.createdAt, id: s.id }), Boolean(after));
}

async function checkNetwork(
  em: EntityManager,
  organisationId: string,
  visibility: SpaceVisibility,
  networkId: string | null | undefined,
): Promise<void> {
  if (visibility === SpaceVisibility.NETWORK && !networkId) {
    throw BadUserInput.field(
      'networkId',
      'REQUIRED',
      'Choose the network that may read this space.',
    );
  }
  if (networkId && !(await em.count(NetworkMembership, { networkId, organisationId }))) {
    throw BadUserInput.field(
      'networkId',
      'NOT_IN_NETWORK',
      'The organisation is not in this network.',
    );
  }
}

export async function createSpace(context: Context, input: CreateSpaceInput): Promise<Space> {
  const { userId } = requireUser(context);
  await requireCreateSpace(context, input.organisationId);
  return context.db.write(async (em) => {
    await checkNetwork(em, input.organisationId, input.visibility, input.networkId);
    const space = em.create(Space, {
      organisationId: input.organisationId,
      networkId: input.networkId ?? null,
      name: input.name.normalize('NFC').trim(),
      description: input.description.normalize('NFC').trim(),
      visibility: input.visibility,
      createdBy: userId,
    });
    recordAudit(em, context, {
      organisationId: input.organisationId,
      action: 'space.created',
      targetType: 'Space',
      targetId: space.id,
      data: { visibility: input.visibility, networkId: input.networkId ?? null },
    });
    await em.flush();
    return space;
  });
}

export async function updateSpace(context: Context, input: UpdateSpaceInput): Promise<Space> {
  requireUser(context);
  return context.db.write(async (em) => {
    const space = await requireAdministerSpace(context, em, input.id);
    const visibility = input.visibility ?? space.visibility;
    const networkId = input.networkId !== undefined ? input.networkId : space.networkId;
    await checkNetwork(em, space.organisationId, visibility, networkId);
    if (input.name) space.name = input.name.normalize('NFC').trim();
    if (input.description !== undefined && input.description !== null)
      space.description = input.description.normalize('NFC').trim();
    const visibilityChanged = visibility !== space.visibility || networkId !== space.networkId;
    space.visibility = visibility;
    space.networkId = networkId ?? null;
    recordAudit(em, context, {
      organisationId: space.organisationId,
      action: visibilityChanged ? 'space.visibility_changed' : 'space.updated',
      targetType: 'Space',
      targetId: space.id,
      data: { visibility, networkId: networkId ?? null },
    });
    await em.flush();
    return space;
  });
}

export async function shareSpace(
  context: Context,
  input: ShareSpaceInput,
  share: boolean,
): Promise<Space> {
  requireUser(context);
  return context.db.write(async (em) => {
    const space = await requireAdministerSpace(context, em, input.spaceId);
    const target = await em.findOne(Organisation, { id: input.organisationId });
    if (!target) throw BadUserInput.field('organisationId', 'NOT_FOUND', 'No such organisation.');
    if (target.id === space.organisationId) {
      throw BadUserInput.field(
        'organisationId',
        'OWN_ORGANISATION',
        'The space belongs to this organisation already.',
      );
    }
    const existing = await em.findOne(SpaceParticipant, {
      spaceId: space.id,
      organisationId: target.id,
    });
    if (share && !existing)
      em.create(SpaceParticipant, { spaceId: space.id, organisationId: target.id });
    if (!share && existing) em.remove(existing);
    if (share !== Boolean(existing)) {
      recordAudit(em, context, {
        organisationId: space.organisationId,
        action: share ? 'space.shared' : 'space.unshared',
        targetType: 'Space',
        targetId: space.id,
        data: { organisationId: target.id },
      });
    }
    await em.flush();
    return space;
  });
}

/** Organisations a space is shared with; only its own organisation's members see the list. */
export async function sharedWith(context: Context, space: Space): Promise<Organisation[]> {
  if (!(await maySeeSpaceSharing(context, space))) return [];
  const participants = await participantsLoader(context).load(space.id);
  if (!participants?.length) return [];
  return context.db.read((em) =>
    em.find(Organisation, { id: { $in: participants } }, { orderBy: { name: 'asc' } }),
  );
}

/** Every space id the viewer may read (for search and other cross-space lists). */
export async function readableSpaceIds(context: Context): Promise<string[]> {
  const where = await readableSpacesWhere(context);
  const rows = await context.db.read((em) => em.find(Space, where, { fields: ['id'] }));
  return rows.map((row) => row.id);
}
