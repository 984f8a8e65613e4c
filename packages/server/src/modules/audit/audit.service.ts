import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { AuditEvent } from './audit.entity.js';

export interface AuditEntry {
  organisationId: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends to the organisation's audit log inside the caller's transaction. */
export function recordAudit(em: EntityManager, context: Context, entry: AuditEntry): void {
  const viewer = context.viewer;
  em.create(AuditEvent, {
    organisationId: entry.organisationId,
    actorUserId: viewer.kind === 'user' ? viewer.userId : null,
    actorTokenId: viewer.kind === 'apiToken' ? viewer.tokenId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
}

export function listAuditEvents(
  context: Context,
  organisationId: string,
  page: PageArgs,
): Promise<Connection<AuditEvent>> {
  const after = decodeCursor(page.after);
  return context.db.read(async (em) => {
    const rows = await em.find(
      AuditEvent,
      { organisationId, ...afterCursor(after) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    );
    return toConnection(rows, page.first, (e) => ({ at: e.createdAt, id: e.id }), Boolean(after));
  });
}
