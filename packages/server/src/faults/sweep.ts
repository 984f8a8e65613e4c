import { randomUUID } from 'node:crypto';
import { LiveConnection, newMember, Session, sleep, type Answer } from './client.js';

/**
 * Every root field of the running schema — read by introspection, so an operation added
 * tomorrow is swept too — called with malformed variants of otherwise plausible arguments,
 * anonymously and signed in. Any bad input must come back as a client error with a code;
 * an INTERNAL_SERVER_ERROR (or a 5xx other than 503, or no JSON at all) is an offender.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface Field {
  name: string;
  args: InputValue[];
  type: TypeRef;
}
interface FullType {
  kind: string;
  name: string;
  fields: Field[] | null;
  inputFields: InputValue[] | null;
  enumValues: Array<{ name: string }> | null;
}

// Four levels of ofType cover `[X!]!`; the full introspection query is deeper than the server's
// depth limit allows.
const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `query {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types {
      kind name
      fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
      inputFields { name defaultValue type { ${TYPE_REF} } }
      enumValues { name }
    }
  }
}`;

export interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  field: Field;
}

export interface Schema {
  operations: Operation[];
  types: Map<string, FullType>;
}

export async function introspect(base: string): Promise<Schema> {
  const data = await new Session(base).must(INTROSPECTION);
  const schema = data.__schema as {
    queryType: { name: string } | null;
    mutationType: { name: string } | null;
    subscriptionType: { name: string } | null;
    types: FullType[];
  };
  const types = new Map(schema.types.map((type) => [type.name, type]));
  const operations: Operation[] = [];
  for (const [kind, root] of [
    ['query', schema.queryType],
    ['mutation', schema.mutationType],
    ['subscription', schema.subscriptionType],
  ] as const) {
    if (!root) continue;
    for (const field of types.get(root.name)?.fields ?? []) operations.push({ kind, field });
  }
  return { operations, types };
}

const typeString = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL'
    ? `${typeString(ref.ofType!)}!`
    : ref.kind === 'LIST'
      ? `[${typeString(ref.ofType!)}]`
      : ref.name!;

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

function scalarBaseline(name: string): unknown {
  switch (name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'Date':
    case 'LocalDate':
      return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    case 'EmailAddress':
      return 'someone@example.org';
    case 'URL':
      return 'https://example.org/';
    case 'JSON':
    case 'JSONObject':
      return {};
    case 'Upload':
      return null;
    default:
      return 'fault suite';
  }
}

/**
 * Ids the signed-in sweeper owns, by argument or field name (`organisationId`, `spaceId`,
 * `threadId`): with them the malformed values reach the rules behind the access checks.
 */
export type Known = Record<string, string>;

/** A plausible value of the type: what a careless but honest client would send. */
function baseline(
  ref: TypeRef,
  types: Map<string, FullType>,
  depth = 0,
  name = '',
  known: Known = {},
): unknown {
  if (ref.kind === 'NON_NULL') return baseline(ref.ofType!, types, depth, name, known);
  if (ref.kind === 'LIST') return [baseline(ref.ofType!, types, depth + 1, name, known)];
  if (ref.name === 'ID' && known[name]) return known[name];
  const type = types.get(ref.name!);
  if (ref.kind === 'ENUM') return type?.enumValues?.[0]?.name ?? null;
  if (ref.kind === 'INPUT_OBJECT') {
    const value: Record<string, unknown> = {};
    for (const field of type?.inputFields ?? []) {
      const required = field.type.kind === 'NON_NULL' && field.defaultValue === null;
      if (required || depth < 2)
        value[field.name] = baseline(field.type, types, depth + 1, field.name, known);
    }
    return value;
  }
  return scalarBaseline(ref.name!);
}

const LONG = 'x'.repeat(100_000);
const NESTED = JSON.parse('['.repeat(60) + ']'.repeat(60)) as unknown;

/** Malformed values for one place of a given type. */
function malformed(ref: TypeRef): Array<[string, unknown]> {
  const type = named(ref);
  const common: Array<[string, unknown]> = [
    ['wrong type (object)', { nested: { deeper: [1, 'two', null] } }],
    ['deeply nested list', NESTED],
  ];
  if (ref.kind === 'NON_NULL') common.push(['null', null]);
  if (type.kind === 'ENUM')
    return [...common, ['unknown enum value', 'NOT_A_VALUE'], ['empty', '']];
  if (type.kind === 'INPUT_OBJECT') return [...common, ['empty object', {}], ['string', 'x']];
  switch (type.name) {
    case 'ID':
      return [
        ...common,
        ['non-UUID id', 'not-a-uuid'],
        ['empty', ''],
        ['NUL', 'a\u0000b'],
        ['lone surrogate', '\ud800'],
        ['nil UUID', '00000000-0000-0000-0000-000000000000'],
        ['very long', LONG],
        ['number', 12_345],
      ];
    case 'Int':
      return [
        ...common,
        ['huge number', 1e300],
        ['2^31', 2_147_483_648],
        ['max Int', 2_147_483_647],
        ['negative', -1],
        ['zero', 0],
        ['string', '1'],
      ];
    case 'Float':
      return [
        ...common,
        ['huge', 1e308],
        ['negative huge', -1e308],
        ['tiny', 1e-320],
        ['string', '1.5'],
      ];
    case 'Boolean':
      return [...common, ['string', 'true']];
    default:
      return [
        ...common,
        ['empty', ''],
        ['NUL', 'a\u0000b'],
        ['lone surrogate', 'a\ud800b'],
        ['very long', LONG],
        ['emoji', '💥'.repeat(2_000)],
        ['number', 12_345],
        ...(type.name === 'DateTime'
          ? ([
              ['not a date', 'not a date'],
              ['year 0', '0000-01-01T00:00:00Z'],
              ['year 9999', '9999-12-31T23:59:59Z'],
              ['30 February', '2026-02-30T10:00:00Z'],
            ] as Array<[string, unknown]>)
          : []),
      ];
  }
}

interface Variant {
  label: string;
  variables: Record<string, unknown>;
}

/** The baseline, then one malformed place at a time (top-level arguments and input fields). */
function variantsOf(field: Field, types: Map<string, FullType>, known: Known = {}): Variant[] {
  const base: Record<string, unknown> = {};
  for (const arg of field.args) base[arg.name] = baseline(arg.type, types, 0, arg.name, known);
  const variants: Variant[] = [{ label: 'baseline', variables: base }];
  const places: Array<{ path: string[]; type: TypeRef }> = [];
  const walk = (path: string[], ref: TypeRef, depth: number) => {
    places.push({ path, type: ref });
    const type = named(ref);
    if (type.kind !== 'INPUT_OBJECT' || depth > 2) return;
    for (const inner of types.get(type.name!)?.inputFields ?? []) {
      // Walk into a list's items through its first item.
      const unwrapped = ref.kind === 'NON_NULL' ? ref.ofType! : ref;
      walk(
        unwrapped.kind === 'LIST' ? [...path, '0', inner.name] : [...path, inner.name],
        inner.type,
        depth + 1,
      );
    }
  };
  for (const arg of field.args) walk([arg.name], arg.type, 0);
  for (const place of places.slice(0, 24)) {
    for (const [label, value] of malformed(place.type)) {
      const variables = structuredClone(base);
      let target: Record<string, unknown> = variables;
      for (const key of place.path.slice(0, -1)) {
        const next = target[key];
        if (typeof next !== 'object' || next === null) break;
        target = next as Record<string, unknown>;
      }
      target[place.path.at(-1)!] = value;
      variants.push({ label: `${place.path.join('.')}: ${label}`, variables });
    }
    const unwrapped = place.type.kind === 'NON_NULL' ? place.type.ofType! : place.type;
    if (unwrapped.kind === 'LIST') {
      const variables = structuredClone(base);
      let target: Record<string, unknown> = variables;
      for (const key of place.path.slice(0, -1))
        target = (target[key] ?? {}) as Record<string, unknown>;
      const item = baseline(unwrapped.ofType!, types, 0, place.path.at(-1), known);
      target[place.path.at(-1)!] = Array.from({ length: 10_000 }, () => item);
      variants.push({ label: `${place.path.join('.')}: 10 000 items`, variables });
    }
  }
  return variants;
}

function documentOf(operation: Operation, types: Map<string, FullType>): string {
  const { field } = operation;
  const declared = field.args.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const kind = types.get(named(field.type).name!)?.kind;
  const selection =
    kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION' ? ' { __typename }' : '';
  return `${operation.kind} Sweep${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

export interface Offender {
  operation: string;
  as: string;
  variant: string;
  what: string;
}

/** Printable: control characters (a NUL echoed back) and lone surrogates shown as �. */
const printable = (text: string) =>
  text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '�',
  );

function offence(answer: Answer): string | undefined {
  const what = offenceOf(answer);
  return what === undefined ? undefined : printable(what);
}

function offenceOf(answer: Answer): string | undefined {
  if (answer.status === 0) return `no answer (${answer.failure})`;
  if (answer.status >= 500 && answer.status !== 503) return `HTTP ${answer.status}`;
  if (answer.failure && answer.status !== 413)
    return `HTTP ${answer.status}, not JSON: ${answer.failure}`;
  const internal = answer.errors?.find(
    (error) => !error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR',
  );
  return internal ? `${internal.extensions?.code ?? 'no code'}: ${internal.message}` : undefined;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export interface SweepResult {
  operations: number;
  requests: number;
  offenders: Offender[];
  byKind: Record<string, number>;
  /** Operations called both anonymously and signed in before the deadline. */
  swept: number;
}

export async function sweep(base: string, deadline: number): Promise<SweepResult> {
  const { operations, types } = await introspect(base);
  const offenders: Offender[] = [];
  let requests = 0;
  const byKind: Record<string, number> = { query: 0, mutation: 0, subscription: 0 };
  const done = new Map<string, number>();
  const finished = (operation: Operation) =>
    done.set(operation.field.name, (done.get(operation.field.name) ?? 0) + 1);
  for (const op of operations) byKind[op.kind] = (byKind[op.kind] ?? 0) + 1;

  const anonymous = new Session(base);
  let member = await newMember(base, 'sweep');
  for (const as of ['anonymous', 'signed in'] as const) {
    // What may end the sweeper's session or remove what it owns goes last, so that the rest is
    // swept signed in and with the sweeper's own organisation, space and thread.
    const ending = (op: Operation) =>
      /^(sign|delete|leave|revoke|remove|archive)/i.test(op.field.name);
    const http = operations
      .filter((op) => op.kind !== 'subscription')
      .sort((a, b) => Number(ending(a)) - Number(ending(b)));
    await pool(http, 4, async (operation) => {
      if (Date.now() > deadline) return;
      const document = documentOf(operation, types);
      const session = as === 'anonymous' ? anonymous : member.session;
      const known: Known =
        as === 'anonymous'
          ? {}
          : {
              organisationId: member.organisationId,
              spaceId: member.spaceId,
              threadId: member.threadId,
            };
      for (const variant of variantsOf(operation.field, types, known)) {
        const answer = await session.call(document, variant.variables);
        requests += 1;
        const what = offence(answer);
        if (what)
          offenders.push({ operation: operation.field.name, as, variant: variant.label, what });
      }
      finished(operation);
    });
    // Signing out, deleting the account and the like end the session: sign up afresh after them.
    if (as === 'anonymous') continue;
    const still = await member.session.call('query { viewer { id } }');
    if (!still.data?.viewer) member = await newMember(base, 'sweep');
  }

  // Subscriptions over graphql-ws, as the web client opens them: the first answer of each.
  const wsUrl = base.replace(/^http/, 'ws') + '/graphql';
  for (const as of ['anonymous', 'signed in'] as const) {
    for (const operation of operations.filter((op) => op.kind === 'subscription')) {
      if (Date.now() > deadline) break;
      const live = new LiveConnection(wsUrl, as === 'anonymous' ? '' : member.session.cookie);
      await live.open();
      const document = documentOf(operation, types);
      const variants = variantsOf(operation.field, types).filter(
        (variant) => JSON.stringify(variant.variables).length < 200_000,
      );
      for (const variant of variants) {
        live.subscribe(document, variant.variables, {
          next: (payload) => {
            const what = offence({ status: 200, errors: payload.errors });
            if (what)
              offenders.push({ operation: operation.field.name, as, variant: variant.label, what });
          },
          error: (errors) => {
            const what = offence({ status: 200, errors });
            if (what)
              offenders.push({ operation: operation.field.name, as, variant: variant.label, what });
          },
        });
        requests += 1;
      }
      await sleep(1_500);
      if (!live.isOpen)
        offenders.push({
          operation: operation.field.name,
          as,
          variant: '(any)',
          what: `the socket closed: ${live.closedReason}`,
        });
      live.close();
      finished(operation);
    }
  }
  const swept = [...done.values()].filter((count) => count === 2).length;
  return { operations: operations.length, requests, offenders, byKind, swept };
}
