import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Turns one raw row into a read-only entity (see `readOnlyEntity`). */
type RowMapper<T> = (row: Record<string, unknown>) => T;

/** What mapping needs of an entity manager: its metadata and platform, nothing it tracks. */
type Mapping = Pick<EntityManager, 'getMetadata' | 'getPlatform' | 'config'>;

/** One property: the row's column it comes from and how its value becomes the property's. */
interface Column {
  column: string;
  property: string;
  convert: (value: unknown) => unknown;
}

const same = (value: unknown) => value;

const mappers = new WeakMap<EntityMetadata, RowMapper<object>>();

/**
 * A raw row that a page only shows, as an entity the unit of work does not track: the same
 * values as `em.map` would give each property (column renamed to its property, custom types
 * converted, booleans and dates as the hydrator makes them), on an object of the entity's class,
 * without MikroORM's entity helper: not merged into the identity map (no snapshot per row), no
 * change set when the operation commits, no per-property accessors. For rows nothing in the
 * request changes (a page's posts and their authors): a change made to such an object would not
 * be saved, so code that changes rows loads them itself (`em.find`, loaders, `em.merge`).
 *
 * Only for entities whose properties are all plain columns (no relations, embeddables, formulas
 * or scalar references): asking for another entity throws at its first use.
 */
export function readOnlyEntity<T extends object>(
  em: Mapping,
  entity: new (...args: never[]) => T,
  row: Record<string, unknown>,
): T {
  const meta = em.getMetadata().get<T>(entity.name);
  let mapper = mappers.get(meta) as RowMapper<T> | undefined;
  if (!mapper) {
    mapper = compileMapper(em, meta);
    mappers.set(meta, mapper as RowMapper<object>);
  }
  return mapper(row);
}

function compileMapper<T extends object>(em: Mapping, meta: EntityMetadata<T>): RowMapper<T> {
  const platform = em.getPlatform();
  const timezone = platform.getTimezone();
  const missing = em.config.get('forceUndefined') ? undefined : null;
  const columns: Column[] = [];
  for (const prop of meta.props as Array<EntityProperty<T>>) {
    // A getter without a column (nothing to hydrate).
    if (prop.getter && !prop.setter && prop.persist === false) continue;
    if (
      prop.kind !== ReferenceKind.SCALAR ||
      prop.fieldNames?.length !== 1 ||
      prop.ref ||
      prop.formula ||
      prop.embedded
    )
      throw new Error(`readOnlyEntity: ${meta.className}.${prop.name} is not a plain column`);
    columns.push({ column: prop.fieldNames[0]!, property: prop.name, convert: converter(prop) });
  }
  function converter(prop: EntityProperty<T>): (value: unknown) => unknown {
    const custom = prop.customType;
    if (custom) return (value) => custom.convertToJSValue(value, platform);
    if (prop.runtimeType === 'boolean') return (value) => !!value;
    if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) {
      // As MikroORM's hydrator: text without an offset is read in the configured timezone.
      if (!timezone || timezone === 'local')
        return (value) => (value instanceof Date ? value : new Date(value as string | number));
      return (value) => {
        if (value instanceof Date) return value;
        if (typeof value === 'number') return new Date(value);
        const text = String(value);
        return text.includes('+') || text.lastIndexOf('-') > 10 || text.endsWith('Z')
          ? new Date(text)
          : new Date(text + timezone);
      };
    }
    return same;
  }
  const prototype = meta.prototype as object;
  return (row) => {
    // Built as a plain object first: assigning on the entity's prototype chain would run
    // MikroORM's property setters (which need the entity helper this object does not get).
    const entity: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index += 1) {
      const { column, property, convert } = columns[index]!;
      const value = row[column];
      if (value === null) entity[property] = missing;
      else if (value !== undefined) entity[property] = convert(value);
    }
    return Object.setPrototypeOf(entity, prototype) as T;
  };
}

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * `alias.column, …` for every column of `entity`: what a read selects instead of `alias.*`, so
 * its result keeps the same columns when a migration adds one to the table (a prepared
 * statement whose result changed shape fails until it is prepared again). With a `prefix`, each
 * is named `"<prefix>column"`, for a row that brings this entity beside another
 * (`takePrefixed` takes them out again).
 */
export function columnsOf(
  em: EntityManager,
  entity: new (...args: never[]) => object,
  alias: string,
  prefix = '',
): string {
  const meta = em.getMetadata().get(entity.name);
  let lists = selectLists.get(meta);
  if (!lists) {
    lists = new Map();
    selectLists.set(meta, lists);
  }
  const key = `${alias} ${prefix}`;
  let list = lists.get(key);
  if (!list) {
    list = meta.props
      .filter((prop) => prop.persist !== false && prop.fieldNames?.length)
      .flatMap((prop) =>
        prop.fieldNames.map((column) =>
          prefix ? `${alias}.${column} as "${prefix}${column}"` : `${alias}.${column}`,
        ),
      )
      .join(', ');
    lists.set(key, list);
  }
  return list;
}

/** The columns named `"<prefix>column"` taken out of `row`, as a row of their own. */
export function takePrefixed(
  row: Record<string, unknown>,
  prefix: string,
): Record<string, unknown> {
  const taken: Record<string, unknown> = {};
  for (const name of Object.keys(row)) {
    if (!name.startsWith(prefix)) continue;
    taken[name.slice(prefix.length)] = row[name];
    delete row[name];
  }
  return taken;
}
