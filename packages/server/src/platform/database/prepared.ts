import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { lastRows, sqlLiteral } from './unit-of-work.js';

/**
 * A hot read whose plan PostgreSQL keeps per connection. MikroORM inlines every value into the
 * statement it sends, so PostgreSQL plans each read again on every request; under row-level
 * security that planning cost more than running the read (a thread page: ≈ 3.7 ms of planning
 * for ≈ 4.5 ms of execution). `PREPARE` once per pooled connection, then `EXECUTE name(values)`,
 * lets PostgreSQL reuse the plan (and choose a generic one once it is as good).
 *
 * The text is fixed at the call site (what varies per request goes in as values), so the
 * statements a connection holds are bounded by the call sites' variants.
 */
export interface PreparedStatement {
  readonly name: string;
  /** The statement with `$1…$n` for the values. */
  readonly text: string;
}

/** A value as the statement receives it (an untyped literal, typed by the statement). */
export type PreparedValue = string | number | boolean | Date | null;

const statements = new Map<string, PreparedStatement>();

/**
 * The prepared statement for `sql`, written with `?` for its values in order (as for
 * `em.execute`). The name is derived from the text, so a changed statement is a new one.
 */
export function prepared(sql: string): PreparedStatement {
  let statement = statements.get(sql);
  if (!statement) {
    if (/\?[?|&]/.test(sql)) throw new Error('A prepared statement takes `?` for values only.');
    let index = 0;
    const text = sql.replace(/\?/g, () => `$${(index += 1)}`);
    const name = `alany_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statement = { name, text };
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * What each pooled connection has prepared (forgotten with the connection), by name: `ready`;
 * the answer still awaited while it is being prepared; `unknown` when its first run failed (did
 * the `PREPARE` take effect?); `stale` when PostgreSQL refused to run it because a column it
 * returns changed type (it must be prepared again).
 */
type PreparedState = 'ready' | 'unknown' | 'stale' | Promise<unknown>;
const preparedOn = new WeakMap<object, Map<string, PreparedState>>();
/** A bound per connection, in case a call site ever builds its text from per-request data. */
const MOST_PER_CONNECTION = 200;

function literal(value: PreparedValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A prepared value must be a finite number.');
    return String(value);
  }
  return sqlLiteral(value instanceof Date ? value.toISOString() : value);
}

/**
 * Runs `statement` with `values` in `em`'s transaction: `EXECUTE`, preceded in the same round
 * trip by its `PREPARE` the first time this connection sees it. PostgreSQL keeps a prepared
 * statement until the connection closes, even when the transaction that made it rolls back.
 */
export async function executePrepared(
  em: EntityManager,
  statement: PreparedStatement,
  values: readonly PreparedValue[],
): Promise<Array<Record<string, unknown>>> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('A prepared statement runs inside a unit of work.');
  // knex's transaction client hands out the transaction's one connection.
  const connection = (await transaction.client.acquireConnection()) as object;
  let known = preparedOn.get(connection);
  if (!known) {
    known = new Map();
    preparedOn.set(connection, known);
  }
  const { name } = statement;
  const run = `execute ${name}(${values.map(literal).join(', ')})`;
  let state = known.get(name);
  // Another read of the same request is preparing it on this connection: wait for that.
  if (state instanceof Promise) {
    await state;
    state = known.get(name);
  }
  if (state === 'unknown') {
    const [row] = lastRows(
      await transaction.raw(
        `select exists (select 1 from pg_prepared_statements where name = ${sqlLiteral(name)}) as prepared`,
      ),
    );
    state = row?.prepared === true ? 'ready' : undefined;
  }
  if (state === 'ready') {
    known.set(name, 'ready');
    try {
      return lastRows(await transaction.raw(run));
    } catch (error) {
      const code = (error as { code?: string }).code;
      // "cached plan must not change result type": prepare it again next time.
      if (code === '0A000') known.set(name, 'stale');
      // Gone (a connection pooler that swaps server connections, or `DEALLOCATE ALL`).
      else if (code === '26000') known.delete(name);
      throw error;
    }
  }
  if (state !== 'stale' && known.size >= MOST_PER_CONNECTION) {
    // Planned as any other statement: the values inlined in place of the parameters.
    const inlined = statement.text.replace(/\$(\d+)/g, (_, n: string) =>
      literal(values[Number(n) - 1]!),
    );
    return lastRows(await transaction.raw(inlined));
  }
  const prepare = `${state === 'stale' ? `deallocate ${name}; ` : ''}prepare ${name} as ${statement.text}`;
  // knex's query builders run again on every `then`: one promise, run once.
  const answer = Promise.resolve(transaction.raw(`${prepare}; ${run}`));
  known.set(
    name,
    answer.then(
      () => known.set(name, 'ready'),
      () => known.set(name, 'unknown'),
    ),
  );
  return lastRows(await answer);
}
