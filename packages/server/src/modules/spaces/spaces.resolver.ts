import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { Organisation, organisationLoader } from '../organisations/index.js';
import { Network, networkLoader } from '../networks/index.js';
import { Space } from './spaces.entity.js';
import {
  CreateSpaceInput,
  ShareSpaceInput,
  SpaceFilter,
  SpacePayload,
  SpaceViewerCan,
  UpdateSpaceInput,
} from './spaces.inputs.js';
import * as spaces from './spaces.service.js';
import { spaceViewerCan } from './spaces.policy.js';

const SpaceConnection = ConnectionType(Space, 'Space');

@Resolver(() => Space)
export class SpaceResolver {
  @Query(() => SpaceConnection, {
    description:
      'Exactly the spaces the viewer may read, newest first. Without signing in: PUBLIC spaces.',
  })
  @Public()
  spaces(
    @Arg('filter', () => SpaceFilter, { nullable: true }) filter: SpaceFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return spaces.listSpaces(context, filter ?? undefined, page);
  }

  @Query(() => Space, { nullable: true, description: 'A space the viewer may read, or null.' })
  @Public()
  space(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Space | null> {
    return spaces.findSpace(context, id);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation that owns the space.' })
  async organisation(@Root() space: Space, @Ctx() context: Context): Promise<Organisation> {
    return (await organisationLoader(context).load(space.organisationId))!;
  }

  @FieldResolver(() => Network, { nullable: true })
  async network(@Root() space: Space, @Ctx() context: Context): Promise<Network | null> {
    return space.networkId ? networkLoader(context).load(space.networkId) : null;
  }

  @FieldResolver(() => [Organisation], {
    description: "Organisations it is shared with (visible to the owner's members).",
  })
  sharedWith(@Root() space: Space, @Ctx() context: Context): Promise<Organisation[]> {
    return spaces.sharedWith(context, space);
  }

  @FieldResolver(() => SpaceViewerCan)
  viewerCan(@Root() space: Space, @Ctx() context: Context): Promise<SpaceViewerCan> {
    return spaceViewerCan(context, space);
  }

  @Mutation(() => SpacePayload, { description: 'Creates a space in an organisation (its admins).' })
  @SignedIn()
  async createSpace(@Arg('input') input: CreateSpaceInput, @Ctx() context: Context) {
    return { space: await spaces.createSpace(context, input) };
  }

  @Mutation(() => SpacePayload)
  @SignedIn()
  async updateSpace(@Arg('input') input: UpdateSpaceInput, @Ctx() context: Context) {
    return { space: await spaces.updateSpace(context, input) };
  }

  @Mutation(() => SpacePayload, {
    description: "Lets another organisation's members read the space.",
  })
  @SignedIn()
  async shareSpace(@Arg('input') input: ShareSpaceInput, @Ctx() context: Context) {
    return { space: await spaces.shareSpace(context, input, true) };
  }

  @Mutation(() => SpacePayload)
  @SignedIn()
  async unshareSpace(@Arg('input') input: ShareSpaceInput, @Ctx() context: Context) {
    return { space: await spaces.shareSpace(context, input, false) };
  }
}
