import {
  CREATE_POST,
  LiveConnection,
  newMember,
  Session,
  sleep,
  THREAD_ACTIVITY,
  waitFor,
  type Answer,
  type Member,
} from './client.js';
import type { Instance, Nginx, Postgres, RedisServer } from './cluster.js';

export interface Cluster {
  postgres: Postgres;
  redis: RedisServer;
  a: Instance;
  b: Instance;
  nginx: Nginx;
}

export interface Outcome {
  scenario: string;
  ok: boolean;
  /** The figures, in the order printed: name → value. */
  figures: Array<[string, string | number]>;
  /** What went wrong, when something did. */
  problems: string[];
}

/** `503 UNAVAILABLE: message`, short enough to print. */
function describe(answer: Answer): string {
  const error = answer.errors?.[0];
  if (!error) return `${answer.status} ${answer.failure ?? 'no data'}`;
  return `${answer.status} ${error.extensions?.code ?? 'no code'}: ${error.message}`;
}

const ws = (base: string) => base.replace(/^http/, 'ws') + '/graphql';

/** Counts, per post id, how often one subscription delivered POST_CREATED. */
class Delivery {
  readonly seen = new Map<string, number>();
  readonly errors: string[] = [];

  constructor(readonly label: string) {}

  listen(connection: LiveConnection, threadId: string): void {
    connection.subscribe(
      THREAD_ACTIVITY,
      { threadId },
      {
        next: (payload) => {
          if (payload.errors?.length) this.errors.push(JSON.stringify(payload.errors));
          const event = payload.data?.threadActivity as
            { kind: string; postId?: string } | undefined;
          if (event?.kind === 'POST_CREATED' && event.postId)
            this.seen.set(event.postId, (this.seen.get(event.postId) ?? 0) + 1);
        },
        error: (errors) => this.errors.push(JSON.stringify(errors)),
      },
    );
  }

  delivered(expected: string[]): number {
    return expected.filter((id) => this.seen.has(id)).length;
  }

  duplicates(): number {
    let extra = 0;
    for (const count of this.seen.values()) extra += count - 1;
    return extra;
  }
}

async function post(session: Session, threadId: string, body: string): Promise<Answer> {
  return session.call(CREATE_POST, { input: { threadId, body } });
}

function onInstance(member: Member, instance: { base: string }): Session {
  const session = new Session(instance.base);
  session.cookie = member.session.cookie;
  return session;
}

/** 1. Subscribed through nginx (and on instance A), posted through instance B. */
export async function eventsExactlyOnce(c: Cluster): Promise<Outcome> {
  const members = await Promise.all([0, 1, 2].map((i) => newMember(c.nginx.base, `events${i}`)));
  const deliveries: Array<{ delivery: Delivery; member: Member }> = [];
  const connections: LiveConnection[] = [];
  for (const member of members) {
    for (const [via, base] of [
      ['nginx', c.nginx.base],
      ['A', c.a.base],
    ] as const) {
      const connection = new LiveConnection(ws(base), member.session.cookie);
      await connection.open();
      connections.push(connection);
      const delivery = new Delivery(`${via}`);
      delivery.listen(connection, member.threadId);
      deliveries.push({ delivery, member });
    }
  }
  await sleep(500); // the SUBSCRIBE reaches Redis
  const acked = new Map<Member, string[]>();
  const failures: string[] = [];
  await Promise.all(
    members.map(async (member) => {
      const viaB = onInstance(member, c.b);
      const ids: string[] = [];
      for (let n = 0; n < 20; n += 1) {
        const answer = await post(viaB, member.threadId, `Event ${n}`);
        const id = answer.data?.createPost?.post?.id as string | undefined;
        if (id) ids.push(id);
        else failures.push(`createPost → ${describe(answer)}`);
      }
      acked.set(member, ids);
    }),
  );
  const complete = () =>
    deliveries.every(
      ({ delivery, member }) =>
        delivery.delivered(acked.get(member)!) === acked.get(member)!.length,
    );
  await waitFor(complete, 15_000);
  await sleep(500); // a late duplicate would arrive now
  for (const connection of connections) connection.close();

  const expected = deliveries.reduce((sum, { member }) => sum + acked.get(member)!.length, 0);
  const delivered = deliveries.reduce(
    (sum, { delivery, member }) => sum + delivery.delivered(acked.get(member)!),
    0,
  );
  const duplicates = deliveries.reduce((sum, { delivery }) => sum + delivery.duplicates(), 0);
  const errors = deliveries.flatMap(({ delivery }) => delivery.errors);
  const problems = [...failures.slice(0, 5), ...errors.slice(0, 5)];
  if (delivered !== expected) problems.push(`${expected - delivered} events never arrived`);
  if (duplicates) problems.push(`${duplicates} events arrived twice`);
  return {
    scenario: 'events across instances',
    ok: failures.length === 0 && errors.length === 0 && delivered === expected && duplicates === 0,
    figures: [
      ['posts acknowledged', `${members.reduce((s, m) => s + acked.get(m)!.length, 0)}/60`],
      ['delivered/expected', `${delivered}/${expected}`],
      ['duplicates', duplicates],
    ],
    problems,
  };
}

interface LoopTally {
  total: number;
  acked: string[];
  internal: string[];
  unavailable: number;
  unavailableWithoutRetryAfter: number;
  noAnswer: number;
  other: string[];
  lastOk: number;
}

/** 2. PostgreSQL stopped (as a crash stops it) and started again under a write loop. */
export async function postgresRestart(c: Cluster): Promise<Outcome> {
  const writers = await Promise.all([0, 1, 2, 3].map((i) => newMember(c.nginx.base, `writer${i}`)));
  const tally: LoopTally = {
    total: 0,
    acked: [],
    internal: [],
    unavailable: 0,
    unavailableWithoutRetryAfter: 0,
    noAnswer: 0,
    other: [],
    lastOk: 0,
  };
  let stopping = false;
  let firstOkAfterStart = 0;
  let startedAt = 0;
  const loops = writers.map(async (writer, i) => {
    for (let n = 0; !stopping; n += 1) {
      const answer = await writer.session.call(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { organisationId: writer.organisationId, name: `Write ${i}.${n}` } },
      );
      tally.total += 1;
      const id = answer.data?.createSpace?.space?.id as string | undefined;
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'no code');
      if (id) {
        tally.acked.push(id);
        tally.lastOk = Date.now();
        if (startedAt && !firstOkAfterStart) firstOkAfterStart = Date.now();
      } else if (answer.status === 0) tally.noAnswer += 1;
      else if (answer.status === 503) {
        tally.unavailable += 1;
        if (!answer.retryAfter) tally.unavailableWithoutRetryAfter += 1;
      } else if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
        tally.internal.push(describe(answer));
      else tally.other.push(`${answer.status} ${codes.join(',')}`);
      await sleep(answer.status === 503 ? 200 : 30);
    }
  });
  await sleep(2_000);
  const stoppedAt = Date.now();
  await c.postgres.stop('immediate');
  await sleep(3_000);
  await c.postgres.start();
  startedAt = Date.now();
  const recovered = await waitFor(() => firstOkAfterStart > 0, 30_000);
  await sleep(3_000);
  stopping = true;
  await Promise.all(loops);

  // Every acknowledged write is there, read back by its owner.
  let lost = 0;
  const owners = new Map(writers.map((w) => [w, w.session]));
  const reader = [...owners.values()];
  for (const [index, id] of tally.acked.entries()) {
    let found = false;
    for (const session of reader.length ? [reader[index % reader.length]!, ...reader] : []) {
      const answer = await session.call('query($id: ID!) { space(id: $id) { id } }', { id });
      if (answer.data?.space?.id === id) {
        found = true;
        break;
      }
    }
    if (!found) lost += 1;
  }
  const recovery = recovered ? ((firstOkAfterStart - startedAt) / 1000).toFixed(1) : 'never';
  const problems: string[] = [];
  if (tally.internal.length)
    problems.push(
      `${tally.internal.length} internal errors: ${[...new Set(tally.internal)].slice(0, 3).join(' / ')}`,
    );
  if (tally.unavailableWithoutRetryAfter)
    problems.push(`${tally.unavailableWithoutRetryAfter} answers 503 without Retry-After`);
  if (tally.noAnswer) problems.push(`${tally.noAnswer} requests got no answer`);
  if (tally.other.length) problems.push(`other refusals: ${[...new Set(tally.other)].join(', ')}`);
  if (lost) problems.push(`${lost} acknowledged writes missing afterwards`);
  if (!recovered) problems.push('no write succeeded within 30 s of PostgreSQL starting again');
  return {
    scenario: 'PostgreSQL restart under writes',
    ok:
      recovered &&
      lost === 0 &&
      tally.internal.length === 0 &&
      tally.noAnswer === 0 &&
      tally.unavailableWithoutRetryAfter === 0 &&
      tally.other.length === 0,
    figures: [
      ['writes sent', tally.total],
      ['acknowledged', tally.acked.length],
      ['writes lost', lost],
      ['503 (with Retry-After)', `${tally.unavailable - tally.unavailableWithoutRetryAfter}`],
      ['500 / internal errors', tally.internal.length],
      ['no answer', tally.noAnswer],
      ['PostgreSQL down (s)', ((startedAt - stoppedAt) / 1000).toFixed(1)],
      ['recovery after start (s)', recovery],
    ],
    problems,
  };
}

/** 3. Redis stopped for 20 s: the instances go on serving; live events resume after. */
export async function redisOutage(c: Cluster): Promise<Outcome> {
  const [early, late] = await Promise.all([
    newMember(c.nginx.base, 'redis0'),
    newMember(c.nginx.base, 'redis1'),
  ]);
  const before = new Delivery('before');
  const beforeConnection = new LiveConnection(ws(c.a.base), early.session.cookie);
  await beforeConnection.open();
  before.listen(beforeConnection, early.threadId);
  await sleep(500);

  const counts = {
    queries: [0, 0],
    signIns: [0, 0],
    posts: [0, 0],
  };
  const failures: string[] = [];
  const postedDuring: string[] = [];
  const earlyOnB = onInstance(early, c.b);
  await c.redis.stop();
  const outageStart = Date.now();
  let during: Delivery | undefined;
  let duringConnection: LiveConnection | undefined;
  for (let second = 0; Date.now() - outageStart < 20_000; second += 1) {
    const query = await early.session.call('query { viewer { id } }');
    counts.queries[1]! += 1;
    if (query.data?.viewer?.id) counts.queries[0]! += 1;
    else failures.push(`viewer → ${describe(query)}`);
    if (second % 4 === 0) {
      const fresh = new Session(c.nginx.base);
      const signIn = await fresh.call(
        'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
        { input: { email: late.email, password: late.password } },
      );
      counts.signIns[1]! += 1;
      if (signIn.data?.signIn?.user?.id) counts.signIns[0]! += 1;
      else failures.push(`signIn → ${describe(signIn)}`);
    }
    if (second % 2 === 0) {
      const answer = await post(earlyOnB, early.threadId, `During the outage ${second}`);
      counts.posts[1]! += 1;
      const id = answer.data?.createPost?.post?.id as string | undefined;
      if (id) {
        counts.posts[0]! += 1;
        postedDuring.push(id);
      } else failures.push(`createPost → ${describe(answer)}`);
    }
    if (second === 3) {
      during = new Delivery('during');
      duringConnection = new LiveConnection(ws(c.a.base), late.session.cookie);
      await duringConnection
        .open()
        .catch((error: Error) => failures.push(`subscribe during the outage: ${error.message}`));
      during.listen(duringConnection, late.threadId);
    }
    await sleep(1_000);
  }
  await c.redis.start();
  const outageSeconds = ((Date.now() - outageStart) / 1000).toFixed(1);
  await sleep(2_000);
  const afterEarly = await post(earlyOnB, early.threadId, 'After the outage');
  const afterLate = await post(onInstance(late, c.b), late.threadId, 'After the outage');
  const earlyExpected = [...postedDuring, afterEarly.data?.createPost?.post?.id as string].filter(
    Boolean,
  );
  const lateExpected = [afterLate.data?.createPost?.post?.id as string].filter(Boolean);
  if (!afterEarly.data || !afterLate.data) failures.push('posting after the outage failed');
  await waitFor(
    () =>
      before.delivered(earlyExpected) === earlyExpected.length &&
      (during?.delivered(lateExpected) ?? 0) === lateExpected.length,
    15_000,
  );
  beforeConnection.close();
  duringConnection?.close();
  const beforeDelivered = before.delivered(earlyExpected);
  const duringDelivered = during?.delivered(lateExpected) ?? 0;
  const problems = [...new Set(failures)].slice(0, 6);
  if (beforeDelivered !== earlyExpected.length)
    problems.push(
      `subscription opened before the outage: ${earlyExpected.length - beforeDelivered} events missing`,
    );
  if (duringDelivered !== lateExpected.length || lateExpected.length === 0)
    problems.push('subscription opened during the outage: nothing delivered after Redis returned');
  const share = ([ok, all]: number[]) => `${ok}/${all}`;
  return {
    scenario: 'Redis stopped for 20 s',
    ok:
      failures.length === 0 &&
      beforeDelivered === earlyExpected.length &&
      lateExpected.length === 1 &&
      duringDelivered === 1 &&
      before.duplicates() === 0,
    figures: [
      ['Redis down (s)', outageSeconds],
      ['queries answered', share(counts.queries)],
      ['sign-ins', share(counts.signIns)],
      ['posts accepted', share(counts.posts)],
      ['opened before: delivered/expected', `${beforeDelivered}/${earlyExpected.length}`],
      ['opened during: delivered/expected', `${duringDelivered}/${lateExpected.length}`],
    ],
    problems,
  };
}

/** 5. SIGTERM to instance B while nginx spreads load over both. */
export async function sigtermUnderLoad(c: Cluster): Promise<Outcome> {
  const member = await newMember(c.nginx.base, 'drain');
  let stopping = false;
  const tally = { total: 0, failed: [] as string[], mutations: 0, mutationsFailed: 0 };
  const worker = async (index: number) => {
    const session = new Session(c.nginx.base);
    session.cookie = member.session.cookie;
    for (let n = 0; !stopping; n += 1) {
      const mutation = index === 0;
      const answer = mutation
        ? await session.call(
            `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
            { input: { organisationId: member.organisationId, name: `Drain ${n}` } },
          )
        : await session.call('query($id: ID!) { viewer { id } thread(id: $id) { id title } }', {
            id: member.threadId,
          });
      tally.total += 1;
      if (mutation) tally.mutations += 1;
      const ok = answer.status === 200 && !answer.errors?.length && answer.data;
      if (!ok) {
        if (mutation) tally.mutationsFailed += 1;
        tally.failed.push(`${mutation ? 'mutation' : 'query'} → ${describe(answer)}`);
      }
      await sleep(mutation ? 100 : 5);
    }
  };
  const workers = Array.from({ length: 8 }, (_, i) => worker(i));
  await sleep(3_000);
  const sentAt = Date.now();
  const exit = await c.b.terminate();
  const tookSeconds = ((Date.now() - sentAt) / 1000).toFixed(1);
  await sleep(3_000);
  stopping = true;
  await Promise.all(workers);
  const problems: string[] = [];
  if (tally.failed.length)
    problems.push(
      `${tally.failed.length} failed, e.g. ${[...new Set(tally.failed)].slice(0, 4).join(' | ')}`,
    );
  if (exit.exitCode !== 0)
    problems.push(
      `instance B exited with ${exit.exitCode}${exit.killed ? ' (killed after 40 s)' : ''}`,
    );
  return {
    scenario: 'SIGTERM one instance under load',
    ok: tally.failed.length === 0 && exit.exitCode === 0,
    figures: [
      ['requests', tally.total],
      ['failed requests', tally.failed.length],
      ['of them mutations', `${tally.mutationsFailed}/${tally.mutations}`],
      ['B stopped after (s)', tookSeconds],
      ['B exit code', String(exit.exitCode)],
    ],
    problems,
  };
}
