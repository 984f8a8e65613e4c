import type { NonEmptyArray } from 'type-graphql';
import { AccountsResolver, SessionResolver } from './accounts/accounts.resolver.js';
import { SystemResolver } from './system/system.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes as Function
export const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  AccountsResolver,
  SessionResolver,
];
