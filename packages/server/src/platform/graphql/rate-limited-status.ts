import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/**
 * An operation refused as a whole (each of its root fields answered RATE_LIMITED, nothing else)
 * is answered with HTTP 429 and `Retry-After`, so that proxies, clients and scripts that look at
 * the status back off too. An operation that partly succeeded keeps its 200.
 */
export const rateLimitedStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length) return;
        let retryAfter = 0;
        const refused = new Set<string | number>();
        for (const error of errors) {
          if (error.extensions?.code !== 'RATE_LIMITED' || !error.path?.length) return;
          refused.add(error.path[0]!);
          retryAfter = Math.max(retryAfter, Number(error.extensions.retryAfter) || 1);
        }
        // Every root field that answered was refused (data is null when a refused field is non-null).
        if (
          data &&
          Object.entries(data).some(([key, value]) => value !== null || !refused.has(key))
        )
          return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(Math.ceil(retryAfter)));
      },
    };
  },
};
