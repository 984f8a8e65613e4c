import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { cleanTags } from '../../platform/text/tags.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { requireAddResources, requireCurate } from './resources.policy.js';
import { readableResource } from './resources.reads.js';
import type { FileStorage } from '../../platform/storage/index.js';
import { recordAudit } from '../audit/index.js';
import { readableSpace, readableSpaceIds, Space, SpaceVisibility } from '../spaces/index.js';
import { spaceTopic } from '../discussions/index.js';
import { matchingIds, SearchKind } from '../search/index.js';
// Registers resources with the search (the library's text filter reads through it too).
import './resources.search.js';
import { FileUpload, Resource, ResourceKind, ResourceVersion } from './resources.entity.js';
import {
  ResourceOrder,
  type AddResourceVersionInput,
  type CreateResourceInput,
  type ResourceFilter,
  type UpdateResourceInput,
} from './resources.inputs.js';

/** What live subscribers of a space hear about the library. */
export interface ResourceSpaceEvent {
  kind: 'RESOURCE_ADDED' | 'RESOURCE_VERSION_ADDED';
  spaceId: string;
  resourceId: string;
  versionId?: string | null;
}

/** Unclaimed uploads are removed after this long. */
export const UPLOAD_CLAIM_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An http(s) address, or a BAD_USER_INPUT naming the field. */
export function httpUrl(raw: string, field: string): string {
  const trimmed = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw BadUserInput.field(
      field,
      'INVALID_URL',
      'Give an address starting with https:// or http://.',
    );
  }
  return url.toString();
}

async function curatedResource(context: Context, em: EntityManager, id: string) {
  const resource = await em.findOne(Resource, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!resource) throw notFound('The resource');
  await readableSpace(context, resource.spaceId).catch(() => {
    throw notFound('The resource');
  });
  await requireCurate(context, resource);
  return resource;
}

function publishAfterCommit(context: Context, event: ResourceSpaceEvent) {
  context.db.afterCommit(() => context.pubsub.publish(spaceTopic(event.spaceId), event));
}

export async function createResource(
  context: Context,
  input: CreateResourceInput,
): Promise<Resource> {
  const { userId } = requireUser(context);
  const rights = await requireAddResources(context, input.spaceId);
  const title = input.title.normalize('NFC').trim();
  if (!title) throw BadUserInput.field('title', 'REQUIRED', 'Give the resource a title.');
  const url = input.url?.trim() ? httpUrl(input.url, 'url') : null;
  if (input.kind === ResourceKind.LINK && !url)
    throw BadUserInput.field('url', 'REQUIRED', 'A link needs its address.');
  return context.db.write(async (em) => {
    const resource = em.create(Resource, {
      organisationId: rights.space.organisationId,
      spaceId: rights.space.id,
      title,
      description: input.description.normalize('NFC').trim(),
      kind: input.kind,
      language: input.language,
      tags: cleanTags(input.tags),
      url,
      createdBy: userId,
    });
    await em.flush();
    publishAfterCommit(context, {
      kind: 'RESOURCE_ADDED',
      spaceId: resource.spaceId,
      resourceId: resource.id,
    });
    return resource;
  });
}

export async function updateResource(
  context: Context,
  input: UpdateResourceInput,
): Promise<Resource> {
  requireUser(context);
  return context.db.write(async (em) => {
    const resource = await curatedResource(context, em, input.id);
    if (input.title !== undefined && input.title !== null) {
      const title = input.title.normalize('NFC').trim();
      if (!title) throw BadUserInput.field('title', 'REQUIRED', 'Give the resource a title.');
      resource.title = title;
    }
    if (input.description !== undefined && input.description !== null)
      resource.description = input.description.normalize('NFC').trim();
    if (input.kind) resource.kind = input.kind;
    if (input.language) resource.language = input.language;
    if (input.tags) resource.tags = cleanTags(input.tags);
    if (input.url !== undefined)
      resource.url = input.url?.trim() ? httpUrl(input.url, 'url') : null;
    if (resource.kind === ResourceKind.LINK && !resource.url)
      throw BadUserInput.field('url', 'REQUIRED', 'A link needs its address.');
    await em.flush();
    return resource;
  });
}

export async function deleteResource(context: Context, id: string): Promise<string> {
  const { userId } = requireUser(context);
  return context.db.write(async (em) => {
    const resource = await curatedResource(context, em, id);
    const versions = await em.find(ResourceVersion, { resourceId: id }, { fields: ['storageKey'] });
    const keys = versions.flatMap((v) => (v.storageKey ? [v.storageKey] : []));
    if (resource.createdBy !== userId) {
      recordAudit(em, context, {
        organisationId: resource.organisationId,
        action: 'resource.deleted',
        targetType: 'Resource',
        targetId: resource.id,
        data: { title: resource.title, versions: resource.versionCount },
      });
    }
    em.remove(resource);
    await em.flush();
    // The bytes go only once the rows are gone for good.
    const storage = context.storage;
    context.db.afterCommit(async () => {
      for (const key of keys) {
        await storage
          .delete(key)
          .catch((error: unknown) =>
            context.logger.warn({ err: error, key }, 'could not delete a stored file'),
          );
      }
    });
    return id;
  });
}

export async function addResourceVersion(
  context: Context,
  input: AddResourceVersionInput,
): Promise<{ resource: Resource; version: ResourceVersion }> {
  const { userId } = requireUser(context);
  const hasUpload = Boolean(input.uploadId);
  const hasUrl = Boolean(input.url?.trim());
  if (hasUpload === hasUrl)
    throw BadUserInput.field(
      hasUpload ? 'url' : 'uploadId',
      'UPLOAD_OR_URL',
      'Give either an uploaded file or an address, not both.',
    );
  const url = hasUrl && input.url ? httpUrl(input.url, 'url') : null;
  return context.db.write(async (em) => {
    const resource = await curatedResource(context, em, input.resourceId);
    let upload: FileUpload | null = null;
    if (input.uploadId) {
      // Row-level security shows each person only their own uploads.
      upload = await em.findOne(FileUpload, { id: input.uploadId, userId });
      if (!upload || upload.createdAt.getTime() < Date.now() - UPLOAD_CLAIM_WINDOW_MS)
        throw BadUserInput.field(
          'uploadId',
          'UPLOAD_NOT_FOUND',
          'The uploaded file was not found or has expired. Upload it again.',
        );
    }
    const version = em.create(ResourceVersion, {
      organisationId: resource.organisationId,
      spaceId: resource.spaceId,
      resourceId: resource.id,
      number: resource.versionCount + 1,
      note: input.note.normalize('NFC').trim(),
      storageKey: upload?.storageKey ?? null,
      fileName: upload?.fileName ?? null,
      sizeBytes: upload?.sizeBytes ?? null,
      mediaType: upload?.mediaType ?? null,
      sha256: upload?.sha256 ?? null,
      extractedText: upload?.extractedText ?? null,
      url,
      createdBy: userId,
    });
    resource.versionCount += 1;
    resource.updatedAt = new Date();
    if (upload) em.remove(upload);
    await em.flush();
    publishAfterCommit(context, {
      kind: 'RESOURCE_VERSION_ADDED',
      spaceId: resource.spaceId,
      resourceId: resource.id,
      versionId: version.id,
    });
    return { resource, version };
  });
}

export async function listResources(
  context: Context,
  filter: ResourceFilter | undefined,
  orderBy: ResourceOrder,
  page: PageArgs,
): Promise<Connection<Resource>> {
  let spaceIds = await readableSpaceIds(context);
  if (filter?.spaceId) spaceIds = spaceIds.filter((id) => id === filter.spaceId);
  if (filter?.networkId || filter?.organisationId) {
    const narrowed = await context.db.read((em) =>
      em.find(
        Space,
        {
          id: { $in: spaceIds },
          ...(filter.networkId
            ? { networkId: filter.networkId, visibility: SpaceVisibility.NETWORK }
            : {}),
          ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
        },
        { fields: ['id'] },
      ),
    );
    spaceIds = narrowed.map((space) => space.id);
  }
  const after = decodeCursor(page.after);
  const field = orderBy === ResourceOrder.RECENTLY_UPDATED ? 'updatedAt' : 'createdAt';
  if (spaceIds.length === 0)
    return toConnection([], page.first, () => ({ at: new Date(), id: '' }), Boolean(after));
  const query = filter?.query?.normalize('NFC').trim();
  const rows = await context.db.read(async (em) => {
    const matching = query ? await matchingResourceIds(em, query, spaceIds) : undefined;
    return em.find(
      Resource,
      {
        spaceId: { $in: spaceIds },
        ...(matching ? { id: { $in: matching } } : {}),
        ...(filter?.kind ? { kind: filter.kind } : {}),
        ...(filter?.language ? { language: filter.language } : {}),
        ...(filter?.tag
          ? { tags: { $contains: [filter.tag.normalize('NFC').trim().toLowerCase()] } }
          : {}),
        ...afterCursor(after, field),
      },
      { orderBy: { [field]: 'desc', id: 'desc' }, limit: page.first + 1 },
    );
  });
  return toConnection(
    rows,
    page.first,
    (r) => ({ at: field === 'updatedAt' ? r.updatedAt : r.createdAt, id: r.id }),
    Boolean(after),
  );
}

async function matchingResourceIds(em: EntityManager, query: string, spaceIds: string[]) {
  return matchingIds(em, SearchKind.RESOURCE, query, spaceIds);
}

export async function listVersions(
  context: Context,
  resource: Resource,
  page: PageArgs,
): Promise<Connection<ResourceVersion>> {
  const after = page.after ? Number(Buffer.from(page.after, 'base64url').toString()) : undefined;
  if (after !== undefined && !Number.isInteger(after))
    throw BadUserInput.field('after', 'INVALID_CURSOR', 'The cursor is not valid.');
  const rows = await context.db.read((em) =>
    em.find(
      ResourceVersion,
      { resourceId: resource.id, ...(after !== undefined ? { number: { $lt: after } } : {}) },
      { orderBy: { number: 'desc' }, limit: page.first + 1 },
    ),
  );
  const edges = rows.slice(0, page.first).map((node) => ({
    node,
    cursor: Buffer.from(String(node.number)).toString('base64url'),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    latestResourceVersion: RequestLoader<string, ResourceVersion>;
  }
}

export function latestVersionLoader(context: Context) {
  return requestLoader(context, 'latestResourceVersion', async (em, ids) => {
    const rows = await em.find(
      ResourceVersion,
      { resourceId: { $in: [...ids] } },
      { orderBy: { resourceId: 'asc', number: 'desc' } },
    );
    const latest = new Map<string, ResourceVersion>();
    for (const row of rows) if (!latest.has(row.resourceId)) latest.set(row.resourceId, row);
    return ids.map((id) => latest.get(id) ?? null);
  });
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    resourceVersionById: RequestLoader<string, ResourceVersion>;
  }
}

export function versionLoader(context: Context) {
  return requestLoader(context, 'resourceVersionById', async (em, ids) =>
    byKey(ids, await em.find(ResourceVersion, { id: { $in: [...ids] } }), (v) => v.id),
  );
}

/** A stored version's file, after the same access check as its resource. */
export async function fileForDownload(
  context: Context,
  versionId: string,
): Promise<{ version: ResourceVersion; resource: Resource }> {
  const version = await versionLoader(context).load(versionId);
  if (!version?.storageKey) throw notFound('The file');
  const resource = await readableResource(context, version.resourceId).catch(() => {
    throw notFound('The file');
  });
  return { version, resource };
}

/** Records a file that has been stored, for its uploader to claim in a version. */
export async function recordUpload(
  context: Context,
  file: Omit<FileUpload, 'id' | 'createdAt' | 'userId'>,
): Promise<FileUpload> {
  const { userId } = requireUser(context);
  return context.db.write(async (em) => {
    const upload = em.create(FileUpload, { ...file, userId });
    await em.flush();
    return upload;
  });
}

/** Deletes unclaimed uploads and their bytes; returns how many went. */
export async function sweepExpiredUploads(
  db: Context['db'],
  storage: FileStorage,
  now = Date.now(),
): Promise<number> {
  const keys = await db.detached((em) =>
    em.execute<Array<{ key: string }>>(`select alany.take_expired_uploads(?) as key`, [
      new Date(now - UPLOAD_CLAIM_WINDOW_MS),
    ]),
  );
  for (const { key } of keys) await storage.delete(key).catch(() => undefined);
  return keys.length;
}
