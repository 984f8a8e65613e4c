import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { userLoader } from '../accounts/index.js';
import type { AuditEvent } from './audit.entity.js';

/**
 * What an audit entry names by id, resolved to a name for the reader (issue #26.11): the log
 * should say "Aigerim Sadykova", "Procurement monitoring", not a UUID. Names are read as the
 * viewer, under row-level security, so the log names nothing its reader may not see (then the
 * name is null and the client says "a person", "a space"). Integrity reports are never named.
 */
export enum AuditReferenceKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  SPACE = 'SPACE',
  NETWORK = 'NETWORK',
  INVITATION = 'INVITATION',
  NETWORK_INVITATION = 'NETWORK_INVITATION',
  MEMBERSHIP = 'MEMBERSHIP',
  THREAD = 'THREAD',
  POST = 'POST',
  EVENT = 'EVENT',
  RESOURCE = 'RESOURCE',
  RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  API_TOKEN = 'API_TOKEN',
  INTEGRITY_REPORT = 'INTEGRITY_REPORT',
  OTHER = 'OTHER',
}
registerEnumType(AuditReferenceKind, {
  name: 'AuditReferenceKind',
  description: 'What an audit entry refers to.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'Something an audit entry names by id, with its name as the viewer may see it.',
})
export class AuditReference {
  @Field({ description: 'The key in `data` that holds the id, or `target`.' })
  key!: string;

  @Field(() => AuditReferenceKind)
  kind!: AuditReferenceKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its name (a person, a title, an invited address); null when gone or not visible.',
  })
  name!: string | null;
}

const TARGET_KINDS: Record<string, AuditReferenceKind> = {
  Organisation: AuditReferenceKind.ORGANISATION,
  Space: AuditReferenceKind.SPACE,
  Network: AuditReferenceKind.NETWORK,
  Invitation: AuditReferenceKind.INVITATION,
  NetworkInvitation: AuditReferenceKind.NETWORK_INVITATION,
  Membership: AuditReferenceKind.MEMBERSHIP,
  Thread: AuditReferenceKind.THREAD,
  Post: AuditReferenceKind.POST,
  Event: AuditReferenceKind.EVENT,
  Resource: AuditReferenceKind.RESOURCE,
  RiskAssessment: AuditReferenceKind.RISK_ASSESSMENT,
  ApiToken: AuditReferenceKind.API_TOKEN,
  IntegrityReport: AuditReferenceKind.INTEGRITY_REPORT,
};

/** Keys of `data` that hold ids (alone or in a list), and what they name. */
function dataKind(action: string, key: string): AuditReferenceKind | undefined {
  switch (key) {
    case 'userId':
    case 'handlerUserIds':
    case 'added':
    case 'removed':
      return AuditReferenceKind.PERSON;
    case 'organisationId':
      return AuditReferenceKind.ORGANISATION;
    case 'networkId':
      return AuditReferenceKind.NETWORK;
    case 'invitationId':
      return action.startsWith('network.')
        ? AuditReferenceKind.NETWORK_INVITATION
        : AuditReferenceKind.INVITATION;
    default:
      return undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entry's target, named. */
export async function auditTarget(
  context: Context,
  event: AuditEvent,
): Promise<AuditReference | null> {
  if (!event.targetId) return null;
  const kind = TARGET_KINDS[event.targetType] ?? AuditReferenceKind.OTHER;
  return {
    key: 'target',
    kind,
    id: event.targetId,
    name: await nameOf(context, kind, event.targetId),
  };
}

/** The ids in the entry's details, named, in the order of `data`. */
export async function auditReferences(
  context: Context,
  event: AuditEvent,
): Promise<AuditReference[]> {
  const wanted: Array<{ key: string; kind: AuditReferenceKind; id: string }> = [];
  for (const [key, value] of Object.entries(event.data)) {
    const kind = dataKind(event.action, key);
    if (!kind) continue;
    for (const id of Array.isArray(value) ? value : [value])
      if (typeof id === 'string' && UUID.test(id)) wanted.push({ key, kind, id });
  }
  return Promise.all(
    wanted.map(async (ref) => ({ ...ref, name: await nameOf(context, ref.kind, ref.id) })),
  );
}

/** One statement per kind for all the names a page of entries asks for, read as the viewer. */
const NAME_SQL: Partial<Record<AuditReferenceKind, string>> = {
  [AuditReferenceKind.ORGANISATION]: `select id, name from organisation where id = any(?::uuid[])`,
  [AuditReferenceKind.SPACE]: `select id, name from space where id = any(?::uuid[])`,
  [AuditReferenceKind.NETWORK]: `select id, name from network where id = any(?::uuid[])`,
  [AuditReferenceKind.INVITATION]: `select id, email as name from invitation where id = any(?::uuid[])`,
  [AuditReferenceKind.NETWORK_INVITATION]: `select i.id, n.name from network_invitation i join network n on n.id = i.network_id where i.id = any(?::uuid[])`,
  [AuditReferenceKind.MEMBERSHIP]: `select m.id, u.display_name as name from membership m join app_user u on u.id = m.user_id where m.id = any(?::uuid[])`,
  [AuditReferenceKind.THREAD]: `select id, title as name from thread where id = any(?::uuid[])`,
  [AuditReferenceKind.POST]: `select p.id, t.title as name from post p join thread t on t.id = p.thread_id where p.id = any(?::uuid[])`,
  [AuditReferenceKind.EVENT]: `select id, title as name from event where id = any(?::uuid[])`,
  [AuditReferenceKind.RESOURCE]: `select id, title as name from resource where id = any(?::uuid[])`,
  [AuditReferenceKind.RISK_ASSESSMENT]: `select id, title as name from risk_assessment where id = any(?::uuid[])`,
  [AuditReferenceKind.API_TOKEN]: `select id, name from api_token where id = any(?::uuid[])`,
};

async function nameOf(
  context: Context,
  kind: AuditReferenceKind,
  id: string,
): Promise<string | null> {
  if (kind === AuditReferenceKind.PERSON) {
    const user = await userLoader(context).load(id);
    return user && !(user instanceof Error) ? user.displayName : null;
  }
  // Integrity reports (whistleblowers' data) and unknown kinds are never named.
  if (!NAME_SQL[kind]) return null;
  return auditNames(context).load(`${kind}:${id}`);
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    auditNames: RequestLoader<string, string>;
  }
}

/** Names by `KIND:id`, one statement per kind asked for. */
function auditNames(context: Context) {
  return requestLoader(context, 'auditNames', async (em, keys) => {
    const byKind = new Map<AuditReferenceKind, string[]>();
    for (const key of keys) {
      const [kind, id] = key.split(':') as [AuditReferenceKind, string];
      byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    }
    const names = new Map<string, string | null>();
    for (const [kind, ids] of byKind) {
      const sql = NAME_SQL[kind];
      if (!sql) continue;
      const rows = await em.execute<Array<{ id: string; name: string | null }>>(sql, [
        `{${ids.join(',')}}`,
      ]);
      for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
    }
    return keys.map((key) => names.get(key) ?? null);
  });
}
