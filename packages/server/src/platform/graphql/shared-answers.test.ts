import { describe, expect, it } from 'vitest';
import {
  GraphQLError,
  buildSchema,
  parse,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import {
  attachFrameChannel,
  directSubscriber,
  nextFrame,
  sendSharedAnswer,
  shareAnswer,
  subscribeSharing,
  type SharedFields,
} from './shared-answers.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Item { id: ID!, name: String, secret: String, broken: String }
  type Subscription { item: Item }
`);

const FIELDS: SharedFields = {
  Item: new Set(['id', 'name', 'broken']),
};

/** A subscription's context as the transport leaves it: a channel recording its frames. */
function subscriber(id: string, query: string, format = (r: ExecutionResult) => r) {
  const frames: string[] = [];
  const context = { viewer: id };
  attachFrameChannel(context, { id, send: (frame) => frames.push(frame), format });
  const args: ExecutionArgs = {
    schema,
    document: documents.get(query) ?? documents.set(query, parse(query)).get(query)!,
    contextValue: context,
    // The source stream is never read here; the resolver only has to hand one back.
    rootValue: { item: () => (async function* () {})() },
  };
  return { context, args, frames };
}
const documents = new Map<string, ReturnType<typeof parse>>();

let executions = 0;
function answer() {
  return {
    item: () => {
      executions += 1;
      return {
        id: '7',
        name: 'Shared',
        secret: 'not shared',
        broken: () => {
          throw new Error('boom');
        },
      };
    },
  };
}

describe('direct frames', () => {
  it('executes once for several subscribers and sends each the same bytes under its own id', async () => {
    const query = 'subscription { item { id name } }';
    const a = subscriber('a', query);
    const b = subscriber('b-"quoted"', query);
    await subscribeSharing(a.args);
    await subscribeSharing(b.args);
    const direct = [a, b].map((s) => directSubscriber(s.context, FIELDS)!);
    expect(direct.every(Boolean)).toBe(true);
    executions = 0;
    await sendSharedAnswer(answer(), a.context, direct, () => true);
    expect(executions).toBe(1);
    const payload = JSON.stringify({ data: { item: { id: '7', name: 'Shared' } } });
    expect(a.frames).toEqual([nextFrame('a', payload)]);
    expect(b.frames).toEqual([nextFrame('b-"quoted"', payload)]);
    // What graphql-ws itself would send for that id.
    expect(JSON.parse(b.frames[0]!)).toEqual({
      id: 'b-"quoted"',
      type: 'next',
      payload: JSON.parse(payload),
    });
  });

  it('sends nothing to a subscriber no longer wanted, and executes each document once', async () => {
    const a = subscriber('1', 'subscription { item { id } }');
    const b = subscriber('2', 'subscription { item { name } }');
    const c = subscriber('3', 'subscription { item { id } }');
    for (const s of [a, b, c]) await subscribeSharing(s.args);
    const direct = [a, b, c].map((s) => directSubscriber(s.context, FIELDS)!);
    executions = 0;
    await sendSharedAnswer(answer(), a.context, direct, (d) => d.channel.id !== '3');
    expect(executions).toBe(2);
    expect(a.frames).toEqual([nextFrame('1', '{"data":{"item":{"id":"7"}}}')]);
    expect(b.frames).toEqual([nextFrame('2', '{"data":{"item":{"name":"Shared"}}}')]);
    expect(c.frames).toEqual([]);
  });

  it('leaves documents asking for other fields, and contexts without a channel, to graphql-ws', async () => {
    const other = subscriber('x', 'subscription { item { id secret } }');
    await subscribeSharing(other.args);
    expect(directSubscriber(other.context, FIELDS)).toBeUndefined();
    expect(directSubscriber({}, FIELDS)).toBeUndefined();
    // A channel whose subscription has not reached `subscribe` yet has no document to check.
    const early = subscriber('y', 'subscription { item { id } }');
    expect(directSubscriber(early.context, FIELDS)).toBeUndefined();
  });

  it('formats errors as the transport does before sending them', async () => {
    const format = (result: ExecutionResult): ExecutionResult => ({
      ...result,
      errors: result.errors?.map(
        () => new GraphQLError('Something went wrong.', { extensions: { code: 'INTERNAL' } }),
      ),
    });
    const s = subscriber('e', 'subscription { item { id broken } }', format);
    await subscribeSharing(s.args);
    await sendSharedAnswer(answer(), s.context, [directSubscriber(s.context, FIELDS)!], () => true);
    const frame = JSON.parse(s.frames[0]!) as {
      id: string;
      type: string;
      payload: { data: unknown; errors: Array<{ message: string; extensions: unknown }> };
    };
    expect(frame.id).toBe('e');
    expect(frame.payload.data).toEqual({ item: { id: '7', broken: null } });
    expect(frame.payload.errors).toEqual([
      { message: 'Something went wrong.', extensions: { code: 'INTERNAL' } },
    ]);
    expect(s.frames[0]).not.toContain('boom');
  });
});

describe('answers shared through graphql-ws', () => {
  it("executes a shared event with the context it was shared with, not the first subscriber's", async () => {
    const query = 'subscription { item { id name } }';
    const shared = shareAnswer(
      {
        item: {
          id: '8',
          // What an identity would decide (e.g. a hidden post its author may read).
          name: (_args: unknown, context: { viewer: string }) => `for ${context.viewer}`,
        },
      },
      FIELDS,
      { viewer: 'nobody' },
    );
    const results = await Promise.all(
      ['first', 'second'].map(async (viewer) => {
        const stream = await subscribeSharing({
          schema,
          document: parse(query),
          contextValue: { viewer },
          rootValue: {
            item: () =>
              (async function* () {
                yield shared;
              })(),
          },
        });
        if (!(Symbol.asyncIterator in stream)) throw new Error('no stream');
        return (await stream.next()).value as ExecutionResult;
      }),
    );
    for (const result of results)
      expect(result.data).toEqual({ item: { id: '8', name: 'for nobody' } });
  });
});
