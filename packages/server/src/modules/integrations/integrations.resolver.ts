import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { ApiToken } from './integrations.entity.js';
import {
  ApiTokenPayload,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  RevokeApiTokenInput,
} from './integrations.inputs.js';
import * as integrations from './integrations.service.js';

const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken');

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => ApiTokenConnection, {
    description: "An organisation's API tokens (admins); never their secrets.",
  })
  @SignedIn()
  apiTokens(
    @Arg('organisationId', () => ID) organisationId: string,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return integrations.listApiTokens(context, organisationId, page);
  }

  @Mutation(() => CreateApiTokenPayload, {
    description: 'Creates a token for integrators; its secret is returned once.',
  })
  @SignedIn()
  createApiToken(@Arg('input') input: CreateApiTokenInput, @Ctx() context: Context) {
    return integrations.createApiToken(context, input);
  }

  @Mutation(() => ApiTokenPayload)
  @SignedIn()
  async revokeApiToken(@Arg('input') input: RevokeApiTokenInput, @Ctx() context: Context) {
    return { apiToken: await integrations.revokeApiToken(context, input.id) };
  }
}
