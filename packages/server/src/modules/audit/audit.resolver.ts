import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { MemberRole, requireRole } from '../organisations/index.js';
import { AuditEvent } from './audit.entity.js';
import { listAuditEvents } from './audit.service.js';
import { AuditReference, auditReferences, auditTarget } from './audit.references.js';

const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description: "An organisation's audit log, newest first (OWNER and ADMIN).",
  })
  @SignedIn()
  async auditEvents(
    @Arg('organisationId', () => ID) organisationId: string,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    await requireRole(context, organisationId, MemberRole.ADMIN);
    return listAuditEvents(context, organisationId, page);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who did it (null for an API token or a deleted account).',
  })
  actor(@Root() event: AuditEvent, @Ctx() context: Context): Promise<User | null> {
    return event.actorUserId ? userLoader(context).load(event.actorUserId) : Promise.resolve(null);
  }

  @FieldResolver(() => AuditReference, {
    nullable: true,
    description: 'What was changed, with its name as the viewer may see it.',
  })
  target(@Root() event: AuditEvent, @Ctx() context: Context): Promise<AuditReference | null> {
    return auditTarget(context, event);
  }

  @FieldResolver(() => [AuditReference], {
    description: 'The people and things `data` names by id, with their names.',
  })
  references(@Root() event: AuditEvent, @Ctx() context: Context): Promise<AuditReference[]> {
    return auditReferences(context, event);
  }
}
