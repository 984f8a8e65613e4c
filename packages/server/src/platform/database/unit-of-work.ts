import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import pg from 'pg';
import { GraphQLError } from 'graphql';

/**
 * Transaction-local settings read by row-level-security policies (`current_setting('app.…')`).
 * `set_config(…, true)` keeps them inside one transaction, so a pooled connection never
 * carries one viewer's identity into another's request.
 */
export type DatabaseSettings = Readonly<Record<string, string>>;

/**
 * How a request reaches the database. Every read and write runs inside a transaction that
 * first sets the viewer, so row-level security sees who is asking.
 */
export interface UnitOfWork {
  /** Reads (and writes that need no rollback of their own) in the request's transaction. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** An atomic change: all of it or none of it, even if the rest of the request goes on. */
  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Runs once the work is committed (never if it rolls back): publishing live events and
   * sending mail must not announce what was not saved.
   */
  afterCommit(callback: () => void | Promise<void>): void;
  /**
   * Work that outlives the request (a coalesced recount): its own short transaction, as nobody,
   * so it may only call the security-definer functions meant for it.
   */
  detached<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Work outside the unit's transaction: each statement on its own, committed by PostgreSQL as
   * it ends (autocommit), with no viewer settings. Only for security-definer functions that take
   * their proof as arguments (a guest's vote).
   */
  standalone<T>(work: (em: StatementRunner) => Promise<T>): Promise<T>;
}

/**
 * What standalone work gets: statements, and rows mapped without an identity map
 * (`readOnlyEntity`), nothing loaded into or tracked by one, so one manager per ORM serves all
 * of it (a fork per guest vote was ≈ 4 % of a vote storm).
 */
export type StatementRunner = Pick<
  EntityManager,
  'execute' | 'getDriver' | 'getMetadata' | 'getPlatform' | 'config'
>;

const standaloneRunners = new WeakMap<MikroORM, StatementRunner>();

function runStandalone<T>(orm: MikroORM, work: (em: StatementRunner) => Promise<T>): Promise<T> {
  let runner = standaloneRunners.get(orm);
  if (!runner) {
    runner = orm.em.fork({ clear: true, useContext: false });
    standaloneRunners.set(orm, runner);
  }
  return work(runner);
}

async function runDetached<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = await beginWithSettings(orm, {
    'app.user_id': '',
    'app.token_org_id': '',
    'app.guest_participant_id': '',
  });
  try {
    const result = await work(em);
    await em.commit();
    return result;
  } catch (error) {
    await abandon(em);
    throw error;
  }
}

/**
 * Ends a transaction that failed, whatever state it is in: a rollback that fails too (the
 * connection is gone, or COMMIT itself failed) still settles knex's transaction, which releases
 * its connection to the pool. The first failure is the one that matters, so this one is dropped.
 */
async function abandon(em: EntityManager): Promise<void> {
  try {
    await em.rollback();
  } catch {
    // knex has settled the transaction and released (or discarded) its connection.
  }
}

async function runCallbacks(callbacks: Array<() => void | Promise<void>>): Promise<void> {
  for (const callback of callbacks.splice(0)) {
    try {
      await callback();
    } catch {
      // A failed notification must not fail the change that was already committed.
    }
  }
}

/** What a combined begin sends (after `BEGIN;`) and who wants its answer. */
interface CombinedBegin {
  sql: string;
  onResult?: (rows: Array<Record<string, unknown>>) => void;
}

/** The few knex internals the combined begin relies on (knex 3: client.transaction, Transaction#begin/query). */
interface KnexTransactionInternals {
  begin(connection: unknown): Promise<unknown>;
  query(connection: unknown, sql: string): Promise<unknown>;
}
interface KnexClientInternals {
  transaction(container: unknown, config: unknown, outerTx: unknown): KnexTransactionInternals;
  [COMBINED_BEGIN_INSTALLED]?: true;
}

const COMBINED_BEGIN = 'alanyCombinedBegin';
const COMBINED_BEGIN_INSTALLED = Symbol('alany.combinedBegin');

/**
 * knex sends `BEGIN;` on its own round trip and accepts nothing but an isolation level, so the
 * viewer's settings would cost a second round trip. The client's transaction factory is wrapped
 * once: a top-level transaction whose config carries `alanyCombinedBegin` begins with
 * `BEGIN; <that statement>` as ONE simple-protocol query (one round trip, one statement as the
 * benchmark counts them). Every other transaction (savepoints, migrations) is knex's own.
 */
function installCombinedBegin(client: KnexClientInternals): void {
  if (client[COMBINED_BEGIN_INSTALLED]) return;
  const original = client.transaction.bind(client);
  client.transaction = (container, config, outerTx) => {
    const transaction = original(container, config, outerTx);
    const combined = (config as { [COMBINED_BEGIN]?: CombinedBegin } | undefined)?.[COMBINED_BEGIN];
    if (combined && !outerTx) {
      // Called by knex once it holds a connection, after this constructor has returned.
      transaction.begin = async (connection) => {
        const answer = await transaction.query(connection, `BEGIN; ${combined.sql}`);
        combined.onResult?.(lastRows(answer));
        return answer;
      };
    }
    return transaction;
  };
  client[COMBINED_BEGIN_INSTALLED] = true;
}

/** The rows of the last statement of a (multi-statement) pg answer, as knex hands it over. */
export function lastRows(answer: unknown): Array<Record<string, unknown>> {
  const response = (answer as { response?: unknown } | undefined)?.response ?? answer;
  const results = Array.isArray(response) ? response : [response];
  const last = results.at(-1) as { rows?: Array<Record<string, unknown>> } | undefined;
  return last?.rows ?? [];
}

/**
 * A string literal PostgreSQL reads back exactly, whatever `standard_conforming_strings` says
 * (node-postgres' own escaping: quotes doubled, and an `E''` literal when there is a backslash).
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A setting cannot contain a NUL character.');
  return pg.escapeLiteral(value);
}

/** `select set_config(…, true), …` with the values inlined as safe literals (for a combined begin). */
export function settingsStatement(settings: DatabaseSettings): string {
  const entries = Object.entries(settings);
  if (entries.length === 0) return '';
  return `select ${entries
    .map(([name, value]) => `set_config(${sqlLiteral(name)}, ${sqlLiteral(value)}, true)`)
    .join(', ')}`;
}

/**
 * A fresh EntityManager in a new transaction that begins with `statement` in the same round trip
 * as `BEGIN` (empty: `BEGIN` alone). Resolves to the em and the rows `statement` returned.
 */
async function beginCombined(
  orm: MikroORM,
  statement: string,
): Promise<{ em: EntityManager; rows: Array<Record<string, unknown>> }> {
  const em = orm.em.fork({ clear: true, useContext: false });
  const knex = em.getConnection('write').getKnex();
  // knex's public types do not describe the client's transaction factory (see KnexClientInternals).
  installCombinedBegin(knex.client as unknown as KnexClientInternals);
  let rows: Array<Record<string, unknown>> = [];
  const combined: CombinedBegin = {
    sql: statement,
    onResult: (answer) => {
      rows = answer;
    },
  };
  const config = { [COMBINED_BEGIN]: statement ? combined : undefined };
  // The extra key reaches the wrapped factory untouched (knex copies the config it is given).
  const transaction = await knex.transaction(config as Knex.TransactionConfig);
  em.setTransactionContext(transaction);
  return { em, rows };
}

async function beginWithSettings(
  orm: MikroORM,
  settings: DatabaseSettings,
): Promise<EntityManager> {
  return (await beginCombined(orm, settingsStatement(settings))).em;
}

/**
 * One transaction for a whole HTTP operation, begun on first use and ended by `finish`.
 * Each `write` is a savepoint inside it, so a failed mutation leaves nothing half-written
 * while the other fields of the same request still commit.
 */
export class OperationUnitOfWork implements UnitOfWork {
  private transaction: Promise<EntityManager> | undefined;
  private committed: Array<() => void | Promise<void>> = [];
  private pendingInWrite: Array<() => void | Promise<void>> | undefined;
  /** What aborted the transaction, once a statement outside a savepoint failed. */
  private aborted: unknown;
  /** Whether a write was saved (its savepoint released) into the transaction. */
  private wrote = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: () => DatabaseSettings,
  ) {}

  private em(): Promise<EntityManager> {
    this.transaction ??= beginWithSettings(this.orm, this.settings());
    return this.transaction;
  }

  /**
   * Begins the operation's transaction now with `statement` in the same round trip as `BEGIN`,
   * instead of the settings (the statement sets them itself: the session lookup does) and
   * resolves to the rows it returned. Only before anything else has begun it.
   */
  async beginWith(statement: string): Promise<Array<Record<string, unknown>>> {
    if (this.transaction) throw new Error('The operation has begun its transaction already.');
    const begun = beginCombined(this.orm, statement);
    const transaction = begun.then(({ em }) => em);
    // Its failure is reported below, through `begun`.
    transaction.catch(() => undefined);
    this.transaction = transaction;
    try {
      return (await begun).rows;
    } catch (error) {
      // Nothing to end: knex released the connection of a transaction that did not begin.
      this.transaction = undefined;
      throw error;
    }
  }

  async read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = await this.em();
    this.refuseIfAborted();
    try {
      return await work(em);
    } catch (error) {
      await this.noteFailure(em, error);
      throw error;
    }
  }

  async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = await this.em();
    this.refuseIfAborted();
    // Callbacks registered inside a write count only if its savepoint is released.
    const outer = this.pendingInWrite;
    const mine: Array<() => void | Promise<void>> = [];
    this.pendingInWrite = mine;
    try {
      const result = await em.transactional((inner) => work(inner as EntityManager));
      (outer ?? this.committed).push(...mine);
      if (!outer) this.wrote = true;
      return result;
    } catch (error) {
      await this.noteFailure(em, error);
      throw error;
    } finally {
      this.pendingInWrite = outer;
    }
  }

  /**
   * A statement that fails outside a savepoint aborts the whole transaction: every later
   * statement of the operation would fail with "current transaction is aborted". Reads of other
   * root fields must then fail visibly (not answer a silent null), and changes already made must
   * be reported unsaved. Told apart from refusals (`NOT_FOUND`, …) and from failures a savepoint
   * undid by asking the connection once.
   */
  private async noteFailure(em: EntityManager, error: unknown): Promise<void> {
    if (this.aborted !== undefined || error instanceof GraphQLError) return;
    try {
      await em.execute('select 1');
    } catch {
      this.aborted = error;
    }
  }

  private refuseIfAborted(): void {
    if (this.aborted === undefined) return;
    throw new Error('An earlier part of this request failed, so this part was not run.', {
      cause: this.aborted,
    });
  }

  afterCommit(callback: () => void | Promise<void>): void {
    (this.pendingInWrite ?? this.committed).push(callback);
  }

  detached<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return runDetached(this.orm, work);
  }

  standalone<T>(work: (em: StatementRunner) => Promise<T>): Promise<T> {
    return runStandalone(this.orm, work);
  }

  get started(): boolean {
    return this.transaction !== undefined;
  }

  /** Commits (or rolls back) the operation's transaction; a no-op if nothing touched the database. */
  async finish(commit: boolean): Promise<void> {
    const pending = this.transaction;
    this.transaction = undefined;
    if (!pending) return;
    const em = await pending;
    const aborted = this.aborted;
    const wrote = this.wrote;
    this.aborted = undefined;
    this.wrote = false;
    if (commit && aborted !== undefined) {
      // PostgreSQL would answer COMMIT with a silent ROLLBACK.
      this.committed = [];
      await abandon(em);
      if (wrote) {
        throw new Error('The transaction was aborted by a failed statement; nothing was saved.', {
          cause: aborted,
        });
      }
      return;
    }
    if (commit) {
      try {
        // Flushes first: a change refused here (or a COMMIT the server refuses) must not leave
        // the connection idle in an aborted transaction, out of the pool for ever.
        await em.commit();
      } catch (error) {
        this.committed = [];
        await abandon(em);
        throw error;
      }
      await runCallbacks(this.committed);
    } else {
      this.committed = [];
      await abandon(em);
    }
  }
}

/**
 * For long-lived operations (subscriptions over WebSocket): every call is its own short
 * transaction, so no connection is held while a subscriber waits for events.
 */
export class ShortUnitOfWork implements UnitOfWork {
  private pending: Array<() => void | Promise<void>> = [];
  private running = 0;
  private shared: EntityManager | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: () => DatabaseSettings,
  ) {}

  /**
   * Every read `work` makes shares one short transaction: a live event's checks for one
   * subscriber (rights, then what it may see) cost one BEGIN/COMMIT instead of one per read.
   * Writes inside it are savepoints, as in an HTTP operation.
   */
  together<T>(work: () => Promise<T>): Promise<T> {
    if (this.shared) return work();
    return this.run(async (em) => {
      this.shared = em;
      try {
        return await work();
      } finally {
        this.shared = undefined;
      }
    });
  }

  private async run<T>(work: (em: EntityManager) => Promise<T>, write = false): Promise<T> {
    const shared = this.shared;
    if (shared) {
      return write ? shared.transactional((inner) => work(inner as EntityManager)) : work(shared);
    }
    const em = await beginWithSettings(this.orm, this.settings());
    const callbacks: Array<() => void | Promise<void>> = [];
    const outer = this.pending;
    this.pending = callbacks;
    this.running += 1;
    try {
      const result = await work(em);
      await em.commit();
      await runCallbacks(callbacks);
      return result;
    } catch (error) {
      await abandon(em);
      throw error;
    } finally {
      this.pending = outer;
      this.running -= 1;
    }
  }

  detached<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return runDetached(this.orm, work);
  }

  standalone<T>(work: (em: StatementRunner) => Promise<T>): Promise<T> {
    return runStandalone(this.orm, work);
  }

  afterCommit(callback: () => void | Promise<void>): void {
    if (this.running) this.pending.push(callback);
    // Outside any transaction there is nothing left to wait for.
    else void runCallbacks([callback]);
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(work);
  }

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(work, true);
  }
}

/** `ShortUnitOfWork.together` for a context's unit of work; work as it is elsewhere. */
export function together<T>(db: UnitOfWork, work: () => Promise<T>): Promise<T> {
  return db instanceof ShortUnitOfWork ? db.together(work) : work();
}
