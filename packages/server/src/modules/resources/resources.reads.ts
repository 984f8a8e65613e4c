import type { Context } from '../../platform/graphql/context.js';
import { notFound } from '../../platform/graphql/errors.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { readableSpace } from '../spaces/index.js';
import { Resource } from './resources.entity.js';

/**
 * How other features read the library (risks cite resources as evidence). Resources handed out
 * are shown, never changed through: changes go through this feature's services.
 */

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    resourceById: RequestLoader<string, Resource>;
  }
}

export function resourceLoader(context: Context) {
  return requestLoader(context, 'resourceById', async (em, ids) =>
    byKey(ids, await em.find(Resource, { id: { $in: [...ids] } }), (r) => r.id),
  );
}

/** The resource if the viewer may read its space; NOT_FOUND otherwise, whether or not it exists. */
export async function readableResource(context: Context, id: string): Promise<Resource> {
  const resource = await resourceLoader(context).load(id);
  if (!resource) throw notFound('The resource');
  await readableSpace(context, resource.spaceId).catch(() => {
    throw notFound('The resource');
  });
  return resource;
}

/** Readable resources among `ids`, in their order, with null for the rest (risk evidence). */
export async function readableResources(
  context: Context,
  ids: readonly string[],
): Promise<ReadonlyArray<Readonly<Resource> | null>> {
  return Promise.all(ids.map((id) => readableResource(context, id).catch(() => null)));
}
