import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery, startTestServer, type TestServer } from '../test/harness.js';
import { Factories } from '../test/factories.js';
import {
  CACHED_POLICY_FUNCTIONS,
  Migration20261127000015CachedPolicyPlans,
} from './Migration20261127000015CachedPolicyPlans.js';
import {
  DEFINER_SEARCH_PATH,
  Migration20261207000190DatabaseWall,
} from './Migration20261207000190DatabaseWall.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Definition {
  signature: string;
  language: string;
  source: string;
  definer: boolean;
  volatility: string;
  config: string[];
}

const definitions = () =>
  ownerQuery<Definition>(
    server,
    `select p.oid::regprocedure::text as signature, l.lanname as language, p.prosrc as source,
            p.prosecdef as definer, p.provolatile as volatility, p.proconfig as config
     from unnest($1::regprocedure[]) as wanted(oid) join pg_proc p on p.oid = wanted.oid
     join pg_language l on l.oid = p.prolang order by 1`,
    [CACHED_POLICY_FUNCTIONS.map((signature) => `alany.${signature}`)],
  );

/** Up is followed by the later migration that sets every security-definer function's search path. */
async function run(direction: 'up' | 'down') {
  const { orm } = server.alany;
  const migrations = [
    new Migration20261127000015CachedPolicyPlans(orm.em.getDriver(), orm.config),
    ...(direction === 'up'
      ? [new Migration20261207000190DatabaseWall(orm.em.getDriver(), orm.config)]
      : []),
  ];
  for (const migration of migrations) {
    await migration[direction]();
    for (const sql of migration.getQueries()) await ownerQuery(server, String(sql));
  }
}

describe('migration 15: row-level-security helpers in PL/pgSQL', () => {
  it('leaves every helper a stable security definer in PL/pgSQL, and down gives back the SQL body', async () => {
    const migrated = await definitions();
    expect(migrated).toHaveLength(CACHED_POLICY_FUNCTIONS.length);
    for (const fn of migrated) {
      expect(fn.language, fn.signature).toBe('plpgsql');
      expect(fn).toMatchObject({
        definer: true,
        volatility: 's',
        config: [`search_path=${DEFINER_SEARCH_PATH}`],
      });
      expect(fn.source).toMatch(/^#variable_conflict use_column\nbegin\nreturn \(\n/);
    }

    await run('down');
    const reverted = await definitions();
    for (const [index, fn] of reverted.entries()) {
      expect(fn.language, fn.signature).toBe('sql');
      expect(fn).toMatchObject({ definer: true, volatility: 's', config: ['search_path=public'] });
      // The body the migration wrapped, unchanged.
      expect(`#variable_conflict use_column\nbegin\nreturn (\n${fn.source}\n);\nend`).toBe(
        migrated[index]!.source,
      );
    }

    await run('up');
    expect(await definitions()).toEqual(migrated);
  });

  it('answers as the SQL functions did for the owner of an organisation', async () => {
    const { owner, organisation: org } = await new Factories(server).organisation();
    const ask = `select set_config('app.user_id', $1, false) as viewer,
                        alany.viewer_org_ids() as orgs, alany.viewer_role_rank($2) as rank,
                        alany.viewer_role_rank(gen_random_uuid()) as elsewhere`;
    const plpgsql = await ownerQuery(server, ask, [owner.id, org.id]);
    await run('down');
    const sql = await ownerQuery(server, ask, [owner.id, org.id]);
    await run('up');
    expect(plpgsql).toEqual(sql);
    expect(plpgsql[0]).toMatchObject({ orgs: [org.id], rank: 4, elsewhere: 0 });
  });
});
