// The bench imports this file alone (from dist): the kinds' registrations, and the decorator
// metadata their GraphQL types need, come with it.
import 'reflect-metadata';
import pg from 'pg';
// Threads' and posts' registration only (discussions' index.ts would bring the whole feature).
// eslint-disable-next-line no-restricted-imports
import '../discussions/discussions.search.js';
import '../resources/index.js';
import { APP_ROLE } from '../../platform/database/roles.js';
import { SearchKind } from './search.inputs.js';
import {
  matchStatement,
  snippetStatement,
  typoStatement,
  type SearchStatement,
} from './search.service.js';

/** One node of a plan: what it does and on which table, through which index. */
export interface PlanNode {
  nodeType: string;
  relation?: string;
  index?: string;
}

/** The plans of one search as PostgreSQL ran it: the statements sent and those run inside them. */
export interface SearchPlans {
  /** Every plan auto_explain reported (the statements sent and the definer functions' own). */
  plans: Array<{ query: string; nodes: PlanNode[] }>;
  /** Every node of every plan. */
  nodes: PlanNode[];
}

interface ExplainNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: ExplainNode[];
}

function flatten(node: ExplainNode, into: PlanNode[] = []): PlanNode[] {
  into.push({
    nodeType: node['Node Type'],
    ...(node['Relation Name'] ? { relation: node['Relation Name'] } : {}),
    ...(node['Index Name'] ? { index: node['Index Name'] } : {}),
  });
  for (const child of node.Plans ?? []) flatten(child, into);
  return into;
}

/** knex's `?` placeholders as pg's `$n` (the search's SQL has no other question marks). */
function numbered(statement: SearchStatement): [string, unknown[]] {
  let n = 0;
  return [statement.sql.replace(/\?/g, () => `$${++n}`), statement.params];
}

/**
 * Runs the search's statements for `query` as the application role, for `viewerId`, over every
 * kind, and returns the plans PostgreSQL used — the statements sent and, through auto_explain's
 * nested statements, the ones each definer function runs (EXPLAIN of the outer statement shows a
 * function scan only). The typo statement runs too, even when the full text fills a page.
 *
 * `ownerUrl` must be a superuser's connection: `LOAD 'auto_explain'` needs one. The session then
 * switches to the application role (`set role`), so row-level security applies as in the server.
 */
export async function searchPlans(
  ownerUrl: string,
  viewerId: string,
  query: string,
): Promise<SearchPlans> {
  const client = new pg.Client({ connectionString: ownerUrl });
  const reported: string[] = [];
  client.on('notice', (notice) => {
    if (notice.message?.includes('plan:')) reported.push(notice.message);
  });
  await client.connect();
  try {
    await client.query(`load 'auto_explain'`);
    for (const [name, value] of [
      ['auto_explain.log_min_duration', '0'],
      ['auto_explain.log_nested_statements', 'on'],
      ['auto_explain.log_format', 'json'],
      ['auto_explain.log_level', 'notice'],
      ['client_min_messages', 'notice'],
    ] as const)
      await client.query(`select set_config($1, $2, false)`, [name, value]);
    await client.query(`set role ${APP_ROLE}`);
    await client.query('begin');
    await client.query(`select set_config('app.user_id', $1, true)`, [viewerId]);
    const spaces = (
      await client.query<{ ids: string[] }>(`select alany.readable_space_ids() as ids`)
    ).rows[0]!.ids;
    const kinds = [SearchKind.THREAD, SearchKind.POST, SearchKind.RESOURCE];
    const found = await client.query<{ kind: SearchKind; id: string }>(
      ...numbered(matchStatement(kinds, query, spaces, 21)),
    );
    const typo = typoStatement(kinds, query, spaces, 21);
    if (typo) await client.query(...numbered(typo));
    const snippet = snippetStatement(query, found.rows.slice(0, 20));
    if (snippet) await client.query(...numbered(snippet));
    await client.query('rollback');
  } finally {
    await client.end();
  }
  const plans = reported.map((message) => {
    const explained = JSON.parse(message.slice(message.indexOf('{'))) as {
      'Query Text': string;
      Plan: ExplainNode;
    };
    return { query: explained['Query Text'], nodes: flatten(explained.Plan) };
  });
  return { plans, nodes: plans.flatMap((plan) => plan.nodes) };
}

/** The tables a search reads that must never be scanned whole. */
export const SEARCHED_TABLES = ['thread', 'post', 'resource', 'resource_version'];

/** Nodes that read a searched table sequentially (none, for a search served by its indexes). */
export function sequentialScans(plans: SearchPlans): PlanNode[] {
  return plans.nodes.filter(
    (node) => node.nodeType === 'Seq Scan' && SEARCHED_TABLES.includes(node.relation ?? ''),
  );
}

/** The indexes the plans read, each once, in order of appearance. */
export function indexesUsed(plans: SearchPlans): string[] {
  return [...new Set(plans.nodes.flatMap((node) => (node.index ? [node.index] : [])))];
}
