import { Property } from '@mikro-orm/postgresql';

/**
 * Columns every row of space content carries (threads, events, risks…): its space and the
 * organisation that owns that space, so that row-level security can ask one question of it.
 */
export abstract class InSpace {
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  spaceId!: string;
}
