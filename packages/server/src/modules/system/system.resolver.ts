import { Ctx, Query, Resolver, Subscription, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public } from '../../platform/graphql/authorization.js';

/** Ticks once a second: lets clients and operators check the live channel end to end. */
async function* everySecond(signal?: AbortSignal): AsyncGenerator<Date> {
  while (!signal?.aborted) {
    yield new Date();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

@Resolver()
export class SystemResolver {
  @Query(() => Date, { description: "The server's clock." })
  @Public()
  serverTime(): Date {
    return new Date();
  }

  @Subscription(() => Date, {
    description: "The server's clock, once a second: a check that live updates reach you.",
    subscribe: () => everySecond(),
  })
  @Public()
  serverTimeTicked(@Root() now: Date, @Ctx() _context: Context): Date {
    return now;
  }
}
