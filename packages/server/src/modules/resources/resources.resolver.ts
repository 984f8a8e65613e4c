import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn } from '../../platform/graphql/authorization.js';
import { PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { Network } from '../networks/index.js';
import { SearchHit } from '../search/index.js';
import { Space, readableSpace } from '../spaces/index.js';
import { Resource, ResourceVersion } from './resources.entity.js';
import {
  AddResourceVersionInput,
  CreateResourceInput,
  DeleteResourcePayload,
  ResourceConnection,
  ResourceFilter,
  ResourceIdInput,
  ResourceOrder,
  ResourcePayload,
  ResourcesArgs,
  ResourceVersionConnection,
  ResourceVersionPayload,
  ResourceViewerCan,
  UpdateResourceInput,
} from './resources.inputs.js';
import { mayCurate } from './resources.policy.js';
import { readableResource } from './resources.reads.js';
import * as resources from './resources.service.js';

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => ResourceConnection, {
    description:
      'The library: resources the viewer may read (anyone: those in PUBLIC spaces), newest first.',
  })
  @Public()
  resources(@Args() args: ResourcesArgs, @Args() page: PageArgs, @Ctx() context: Context) {
    return resources.listResources(context, args.filter, args.orderBy, page);
  }

  @Query(() => Resource, { nullable: true })
  @Public()
  resource(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Resource | null> {
    return readableResource(context, id).catch(() => null);
  }

  @Mutation(() => ResourcePayload, {
    description:
      'Adds a resource to a space; files come as versions (POST /files, then addResourceVersion).',
  })
  @SignedIn()
  async createResource(
    @Arg('input') input: CreateResourceInput,
    @Ctx() context: Context,
  ): Promise<ResourcePayload> {
    return { resource: await resources.createResource(context, input) };
  }

  @Mutation(() => ResourcePayload, { description: 'The author or a moderator.' })
  @SignedIn()
  async updateResource(
    @Arg('input') input: UpdateResourceInput,
    @Ctx() context: Context,
  ): Promise<ResourcePayload> {
    return { resource: await resources.updateResource(context, input) };
  }

  @Mutation(() => DeleteResourcePayload, {
    description: 'The author or a moderator; its stored files are deleted too.',
  })
  @SignedIn()
  async deleteResource(
    @Arg('input') input: ResourceIdInput,
    @Ctx() context: Context,
  ): Promise<DeleteResourcePayload> {
    return { deletedResourceId: await resources.deleteResource(context, input.id) };
  }

  @Mutation(() => ResourceVersionPayload, {
    description: 'A new version from an upload (POST /files) or an address; earlier ones stay.',
  })
  @SignedIn()
  addResourceVersion(
    @Arg('input') input: AddResourceVersionInput,
    @Ctx() context: Context,
  ): Promise<ResourceVersionPayload> {
    return resources.addResourceVersion(context, input);
  }

  @FieldResolver(() => Space)
  space(@Root() resource: Resource, @Ctx() context: Context): Promise<Space> {
    return readableSpace(context, resource.spaceId);
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() resource: Resource, @Ctx() context: Context): Promise<User | null> {
    return resource.createdBy
      ? userLoader(context).load(resource.createdBy)
      : Promise.resolve(null);
  }

  @FieldResolver(() => ResourceVersion, { nullable: true })
  latestVersion(@Root() resource: Resource, @Ctx() context: Context) {
    return resource.versionCount ? resources.latestVersionLoader(context).load(resource.id) : null;
  }

  @FieldResolver(() => ResourceVersionConnection, { description: 'Newest first.' })
  versions(@Root() resource: Resource, @Args() page: PageArgs, @Ctx() context: Context) {
    return resources.listVersions(context, resource, page);
  }

  @FieldResolver(() => ResourceViewerCan)
  async viewerCan(@Root() resource: Resource, @Ctx() context: Context): Promise<ResourceViewerCan> {
    return { update: await mayCurate(context, resource) };
  }
}

@Resolver(() => ResourceVersion)
export class ResourceVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Where the file is downloaded (GET, same access as the resource); null for a link.',
  })
  downloadUrl(@Root() version: ResourceVersion): string | null {
    return version.storageKey ? `/files/${version.id}` : null;
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() version: ResourceVersion, @Ctx() context: Context): Promise<User | null> {
    return version.createdBy ? userLoader(context).load(version.createdBy) : Promise.resolve(null);
  }
}

@Resolver(() => Network)
export class NetworkLibraryResolver {
  @FieldResolver(() => ResourceConnection, {
    description: "The network's library: resources in its NETWORK spaces that the viewer may read.",
  })
  resources(
    @Root() network: Network,
    @Arg('filter', () => ResourceFilter, { nullable: true }) filter: ResourceFilter | undefined,
    @Arg('orderBy', () => ResourceOrder, { defaultValue: ResourceOrder.NEWEST })
    orderBy: ResourceOrder,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return resources.listResources(context, { ...filter, networkId: network.id }, orderBy, page);
  }
}

@Resolver(() => SearchHit)
export class SearchHitResourceResolver {
  @FieldResolver(() => Resource, { nullable: true, description: 'The resource of a RESOURCE hit.' })
  resource(@Root() hit: SearchHit, @Ctx() context: Context): Promise<Resource | null> {
    return hit.resourceId
      ? readableResource(context, hit.resourceId).catch(() => null)
      : Promise.resolve(null);
  }
}
