import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery, startTestServer, statementsOf, type TestServer } from '../harness.js';
import {
  executePrepared,
  executePreparedTogether,
  prepared,
} from '../../platform/database/prepared.js';
import { createAppOrm } from '../../platform/database/orm.js';
import { OperationUnitOfWork, sqlLiteral } from '../../platform/database/unit-of-work.js';
import { features } from '../../features.js';

let server: TestServer;
/** The application role with ONE pooled connection: each unit of work meets what the previous ones prepared. */
let orm: MikroORM;
beforeAll(async () => {
  server = await startTestServer();
  orm = await createAppOrm(features, server.db.appUrl, 1);
});
afterAll(async () => {
  await orm?.close();
  await server?.stop();
});

const unit = () => new OperationUnitOfWork(orm, () => ({}));

describe('prepared statements', () => {
  it('prepares once per connection, in the same round trip as the first run, and then only executes', async () => {
    const echo = prepared(`select ?::text as text, ?::int as number, ?::boolean as flag`);
    expect(echo.text).toBe(`select $1::text as text, $2::int as number, $3::boolean as flag`);
    expect(prepared(`select ?::text as text, ?::int as number, ?::boolean as flag`)).toBe(echo);

    const runs: unknown[] = [];
    const sql = await statementsOf(orm, async () => {
      for (const value of ["it's", 'a \\ b']) {
        const db = unit();
        runs.push(await db.read((em) => executePrepared(em, echo, [value, 7, true])));
        // A rollback does not take the prepared statement away.
        await db.finish(false);
      }
    });
    expect(runs).toEqual([
      [{ text: "it's", number: 7, flag: true }],
      [{ text: 'a \\ b', number: 7, flag: true }],
    ]);
    const reads = sql.filter((statement) => !/^(begin|commit|rollback)/i.test(statement));
    expect(reads).toEqual([
      `prepare ${echo.name} as ${echo.text}; execute ${echo.name}('it''s', 7, true)`,
      `execute ${echo.name}(${sqlLiteral('a \\ b')}, 7, true)`,
    ]);
  });

  it('runs several prepared statements in one round trip, preparing only what is new', async () => {
    const double = prepared(`select ?::int * 2 as double`);
    const greet = prepared(`select 'hello ' || ?::text as greeting`);
    const answers: unknown[] = [];
    const sql = await statementsOf(orm, async () => {
      for (const [n, name] of [
        [1, 'Aigerim'],
        [2, "O'Neil"],
      ] as const) {
        const db = unit();
        answers.push(
          await db.read((em) =>
            executePreparedTogether(em, [
              { statement: double, values: [n] },
              { statement: greet, values: [name] },
              { statement: double, values: [n + 10] },
            ]),
          ),
        );
        await db.finish(true);
      }
    });
    expect(answers).toEqual([
      [[{ double: 2 }], [{ greeting: 'hello Aigerim' }], [{ double: 22 }]],
      [[{ double: 4 }], [{ greeting: "hello O'Neil" }], [{ double: 24 }]],
    ]);
    const reads = sql.filter((statement) => !/^(begin|commit|rollback)/i.test(statement));
    expect(reads).toEqual([
      `prepare ${double.name} as ${double.text}; execute ${double.name}(1); ` +
        `prepare ${greet.name} as ${greet.text}; execute ${greet.name}('Aigerim'); ` +
        `execute ${double.name}(11)`,
      `execute ${double.name}(2); execute ${greet.name}('O''Neil'); execute ${double.name}(12)`,
    ]);
  });

  it('prepares a statement once when reads of one request run it side by side', async () => {
    const square = prepared(`select ?::int * ?::int as square`);
    const db = unit();
    const sql = await statementsOf(orm, () =>
      db.read((em) =>
        Promise.all([1, 2, 3].map((n) => executePrepared(em, square, [n, n]))).then((answers) =>
          expect(answers.map(([row]) => row?.square)).toEqual([1, 4, 9]),
        ),
      ),
    );
    await db.finish(true);
    expect(sql.filter((statement) => statement.startsWith('prepare'))).toHaveLength(1);
  });

  it('recovers when the first run failed after its PREPARE took effect', async () => {
    const byId = prepared(`select ?::uuid as id`);
    const failing = unit();
    await expect(failing.read((em) => executePrepared(em, byId, ['not a uuid']))).rejects.toThrow(
      /uuid/,
    );
    await failing.finish(false);

    const id = '6f1c2b7e-3f55-4a4c-9a43-0d2f3c1e9b10';
    const db = unit();
    const sql = await statementsOf(orm, () =>
      db.read(async (em) => expect(await executePrepared(em, byId, [id])).toEqual([{ id }])),
    );
    await db.finish(true);
    // It asks whether the statement exists (it does) instead of preparing it twice.
    expect(sql.at(-2)).toMatch(/pg_prepared_statements/);
    expect(sql.at(-1)).toBe(`execute ${byId.name}('${id}')`);
  });

  it('prepares again a statement whose result changed type under it (a migration)', async () => {
    await ownerQuery(
      server,
      `create table prepared_probe (value int); insert into prepared_probe values (7);
       grant select on prepared_probe to alany_app`,
    );
    const probe = prepared(`select value from prepared_probe where value > ?`);
    const read = async () => {
      const db = unit();
      try {
        return await db.read((em) => executePrepared(em, probe, [0]));
      } finally {
        await db.finish(false);
      }
    };
    expect(await read()).toEqual([{ value: 7 }]);
    await ownerQuery(server, `alter table prepared_probe alter column value type bigint`);
    // The connection's plan no longer fits: this read fails, the next prepares it again.
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect(await read()).toEqual([{ value: '7' }]);
  });

  it('takes values only through `?`', () => {
    expect(() => prepared(`select '{}'::jsonb ?| array['a']`)).toThrow(/values only/);
  });
});
