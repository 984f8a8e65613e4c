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
  const [rows] = await executePreparedTogether(em, [{ statement, values }]);
  return rows!;
}

export interface PreparedRun {
  statement: PreparedStatement;
  values: readonly PreparedValue[];
}

/**
 * Runs several prepared statements in `em`'s transaction in ONE round trip, in order (each
 * prepared first where this connection has not prepared it yet), and gives each one's rows.
 * For reads of one request that do not depend on each other's answers.
 */
export async function executePreparedTogether(
  em: EntityManager,
  runs: readonly PreparedRun[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const inTransaction = em.getTransactionContext<Knex.Transaction>();
  if (!inTransaction) throw new Error('A prepared statement runs inside a unit of work.');
  const transaction = inTransaction;
  // knex's transaction client hands out the transaction's one connection.
  const connection = (await transaction.client.acquireConnection()) as object;
  const known = preparedOn.get(connection) ?? new Map<string, PreparedState>();
  preparedOn.set(connection, known);
  const sent: string[] = [];
  /** Where each run's rows are among the answers to what is sent. */
  const answerOf: number[] = [];
  /** Run as already prepared on this connection. */
  const executing: string[] = [];
  const preparing: string[] = [];
  // Claimed the moment it is chosen: other reads wait rather than prepare it a second time.
  let preparedHere!: () => void;
  const claim = new Promise<void>((resolve) => (preparedHere = resolve));
  const settle = (state: 'ready' | 'unknown') => {
    for (const name of preparing) known.set(name, state);
    preparedHere();
  };
  try {
    await chooseWhatToSend();
  } catch (error) {
    settle('unknown');
    throw error;
  }
  // knex's query builders run again on every `then`: one promise, run once.
  let response: unknown;
  try {
    response = await transaction.raw(sent.join('; '));
  } catch (error) {
    settle('unknown');
    const code = (error as { code?: string }).code;
    for (const name of executing) {
      // "cached plan must not change result type": prepare it again next time.
      if (code === '0A000') known.set(name, 'stale');
      // Gone (a connection pooler that swaps server connections, or `DEALLOCATE ALL`).
      else if (code === '26000') known.delete(name);
    }
    throw error;
  }
  settle('ready');
  const results = resultsOf(response);
  return answerOf.map((index) => results[index]?.rows ?? []);

  async function chooseWhatToSend() {
    for (const { statement, values } of runs) {
      const { name } = statement;
      const run = `execute ${name}(${values.map(literal).join(', ')})`;
      if (preparing.includes(name)) {
        // Prepared earlier in what this call sends (its fate is the preparing one's).
        sent.push(run);
        answerOf.push(sent.length - 1);
        continue;
      }
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
        if (state === 'ready') known.set(name, 'ready');
      }
      if (state === 'ready') {
        executing.push(name);
        sent.push(run);
      } else if (state !== 'stale' && known.size >= MOST_PER_CONNECTION) {
        // Planned as any other statement: the values inlined in place of the parameters.
        sent.push(
          statement.text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]!)),
        );
      } else {
        if (state === 'stale') sent.push(`deallocate ${name}`);
        sent.push(`prepare ${name} as ${statement.text}`, run);
        preparing.push(name);
        known.set(name, claim);
      }
      answerOf.push(sent.length - 1);
    }
  }
}

/** The answers to each statement of what was sent, in order (one when one was sent). */
function resultsOf(answer: unknown): Array<{ rows?: Array<Record<string, unknown>> }> {
  const response = (answer as { response?: unknown } | undefined)?.response ?? answer;
  return (Array.isArray(response) ? response : [response]) as Array<{
    rows?: Array<Record<string, unknown>>;
  }>;
}
