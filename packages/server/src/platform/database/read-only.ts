import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A raw row that a page only shows, as an entity the unit of work does not track: the same
 * column-to-property mapping and hydration as `em.map`, without merging it into the identity map
 * (a snapshot per row) and so without computing its change set when the operation commits. For
 * rows nothing in the request changes (a page's posts and their authors): a change made to such
 * an entity would not be saved, so code that changes rows loads them itself (`em.find`, loaders).
 */
export function readOnlyEntity<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  row: Record<string, unknown>,
): T {
  const meta = em.getMetadata().get<T>(entity.name);
  const data = em.getDriver().mapResult(row as never, meta) as Record<string, unknown>;
  return em.getEntityFactory().create<T>(entity, data as never, {
    merge: false,
    refresh: true,
    newEntity: false,
    initialized: true,
    convertCustomTypes: true,
  });
}
