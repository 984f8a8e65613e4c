/**
 * The flags every production start of Alany passes to Node: `pnpm start` (root and
 * packages/server), `.ci/run` and the bench's Alany child (which imports this list). A test
 * (node-flags.test.ts) checks the start scripts carry exactly these.
 *
 * `--max-semi-space-size=64`: a larger young generation (V8's default is 16 MB per semi-space on
 * 64-bit). A GraphQL page allocates a few MB of short-lived objects (rows, entities, the result
 * tree, its JSON); with a small young generation most scavenges happen mid-request and copy
 * still-live objects, with a larger one fewer scavenges find most objects already dead.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
