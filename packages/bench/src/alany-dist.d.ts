// The server is built with tsc without declarations: these are the few parts the bench uses.
declare module '@alany/server/dist/server.js' {
  import type { Server } from 'node:http';
  export interface RunningAlany {
    url: string;
    graphqlUrl: string;
    app: { server: Server };
    orm: {
      em: {
        getConnection(): {
          getKnex(): {
            on(event: 'query', listener: (query: { sql: string }) => void): void;
          };
        };
      };
    };
    stop(): Promise<void>;
  }
  export function startAlany(config: unknown, logger: unknown): Promise<RunningAlany>;
}
declare module '@alany/server/dist/platform/config.js' {
  export function loadConfig(env: Record<string, string | undefined>): { logLevel: string };
}
declare module '@alany/server/dist/platform/logging.js' {
  export function createLogger(level: string): unknown;
}
declare module '@alany/server/dist/platform/database/orm.js' {
  export function migrate(ownerUrl: string): Promise<string[]>;
}
declare module '@alany/server/dist/platform/database/roles.js' {
  export function ensureAppRole(ownerUrl: string): Promise<string>;
}
declare module '@alany/server/dist/node-flags.js' {
  export const NODE_FLAGS: readonly string[];
}
declare module '@alany/server/dist/platform/text/markdown.js' {
  export function renderMarkdown(source: string): string;
}
declare module '@alany/server/dist/modules/search/search.plans.js' {
  export interface PlanNode {
    nodeType: string;
    relation?: string;
    index?: string;
  }
  export interface SearchPlans {
    plans: Array<{ query: string; nodes: PlanNode[] }>;
    nodes: PlanNode[];
  }
  export function searchPlans(
    ownerUrl: string,
    viewerId: string,
    query: string,
  ): Promise<SearchPlans>;
  export function sequentialScans(plans: SearchPlans): PlanNode[];
  export function indexesUsed(plans: SearchPlans): string[];
}
