import { Router, type Request, type Response } from 'express';
import { escapeHtml } from '../../platform/http/web-client.js';
import {
  alternatesOf,
  PREVIEW_LOOKUPS_PER_CLIENT,
  type AnonymousAnswer,
  type PreviewOptions,
} from './previews.service.js';

/** URLs per sitemap file (one page of the API's connections, whose largest page is 100). */
const PAGE = 100;
/**
 * Sitemap files per paged kind that the index lists: the index finds each page's cursor by
 * walking the connection, so it is bounded (100 × 50 = 5,000 URLs per kind).
 */
export const MAX_PAGES_PER_KIND = 50;

interface Entry {
  path: string;
  lastmod?: string | undefined;
}

interface PagedKind {
  name: 'spaces' | 'resources';
  field: string;
  /** Each node's pages (a space's own, and its organisation's profile). */
  entries(node: Record<string, unknown>): Entry[];
  nodeFields: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

const PAGED: PagedKind[] = [
  {
    name: 'spaces',
    field: 'spaces',
    nodeFields: 'id updatedAt organisation { slug }',
    entries: (node) => [
      { path: `/s/${str(node.id)}`, lastmod: str(node.updatedAt) },
      { path: `/o/${str(record(node.organisation).slug)}` },
    ],
  },
  {
    name: 'resources',
    field: 'resources',
    nodeFields: 'id updatedAt',
    entries: (node) => [{ path: `/resources/${str(node.id)}`, lastmod: str(node.updatedAt) }],
  },
];

const CURSOR = /^[A-Za-z0-9+/=_-]{1,200}$/;

function connectionOf(answer: AnonymousAnswer, field: string) {
  if (answer.errors?.length) throw new Error(`the ${field} page could not be read`);
  const connection = record(answer.data?.[field]);
  const pageInfo = record(connection.pageInfo);
  const edges = Array.isArray(connection.edges) ? connection.edges : [];
  return {
    nodes: edges.map((edge) => record(record(edge).node)),
    endCursor: str(pageInfo.endCursor),
    hasNextPage: pageInfo.hasNextPage === true,
  };
}

function xml(res: Response, body: string): void {
  res.setHeader('Content-Type', 'application/xml; charset=utf-8');
  // Public pages only, but a page turning private must drop out at once: revalidate each time.
  res.setHeader('Cache-Control', 'no-cache');
  res.send(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`);
}

function urlset(base: string, entries: Entry[]): string {
  const seen = new Set<string>();
  const urls = entries
    .filter(({ path }) => !seen.has(path) && seen.add(path))
    .map(({ path, lastmod }) => {
      const links = alternatesOf(base, path).map(
        ({ hreflang, href }) =>
          `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(href)}"/>`,
      );
      return [
        '  <url>',
        `    <loc>${escapeHtml(`${base}${path}`)}</loc>`,
        ...(lastmod ? [`    <lastmod>${escapeHtml(lastmod)}</lastmod>`] : []),
        ...links,
        '  </url>',
      ].join('\n');
    });
  return [
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
  ].join('\n');
}

/**
 * `robots.txt`, and `sitemap.xml` (an index) with its files: the pages the anonymous viewer may
 * read, found through the API as that viewer (PUBLIC spaces and their organisations, resources
 * in them, events the API shows signed out). Threads and risk summaries have no signed-out
 * list in the API, so they are not listed.
 */
export function previewRoutes(options: PreviewOptions): Router {
  const router = Router();
  const limited = async (req: Request, res: Response): Promise<boolean> => {
    const decision = await options.rateLimiter.hit(
      `preview:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`,
      PREVIEW_LOOKUPS_PER_CLIENT.points,
      PREVIEW_LOOKUPS_PER_CLIENT.windowSeconds,
    );
    if (decision.allowed) return false;
    res.setHeader('Retry-After', String(decision.retryAfter));
    res.status(429).type('text/plain').send('Too many requests.');
    return true;
  };

  router.get('/robots.txt', (_req, res) => {
    const base = options.publicUrl();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/plain').send(
      [
        'User-agent: *',
        // Reporting pages, the API and personal pages have nothing for a search engine.
        'Disallow: /report',
        'Disallow: /graphql',
        'Disallow: /files/',
        'Disallow: /settings',
        'Disallow: /notifications',
        'Allow: /',
        `Sitemap: ${base}/sitemap.xml`,
        '',
      ].join('\n'),
    );
  });

  router.get('/sitemap.xml', async (req, res, next) => {
    try {
      if (await limited(req, res)) return;
      const base = options.publicUrl();
      const files: string[] = [`${base}/sitemaps/events.xml`];
      for (const kind of PAGED) {
        files.push(`${base}/sitemaps/${kind.name}.xml`);
        let after: string | undefined;
        for (let page = 1; page < MAX_PAGES_PER_KIND; page += 1) {
          const answer = await options.readAnonymously(
            req,
            res,
            `query SitemapCursors($first: Int!, $after: String) { ${kind.field}(first: $first, after: $after) { pageInfo { endCursor hasNextPage } } }`,
            { first: PAGE, after },
          );
          const { endCursor, hasNextPage } = connectionOf(answer, kind.field);
          if (!hasNextPage || !endCursor) break;
          after = endCursor;
          files.push(`${base}/sitemaps/${kind.name}.xml?after=${encodeURIComponent(after)}`);
        }
      }
      xml(
        res,
        [
          '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
          ...files.map((loc) => `  <sitemap><loc>${escapeHtml(loc)}</loc></sitemap>`),
          '</sitemapindex>',
        ].join('\n'),
      );
    } catch (error) {
      next(error);
    }
  });

  router.get('/sitemaps/events.xml', async (req, res, next) => {
    try {
      if (await limited(req, res)) return;
      // The API lists at most 200 events, upcoming ones first.
      const answer = await options.readAnonymously(
        req,
        res,
        'query SitemapEvents { events(first: 200) { id } }',
        {},
      );
      if (answer.errors?.length) throw new Error('the events could not be read');
      const events = Array.isArray(answer.data?.events) ? answer.data.events : [];
      xml(
        res,
        urlset(
          options.publicUrl(),
          events.map((event) => ({ path: `/events/${str(record(event).id)}` })),
        ),
      );
    } catch (error) {
      next(error);
    }
  });

  for (const kind of PAGED) {
    router.get(`/sitemaps/${kind.name}.xml`, async (req, res, next) => {
      try {
        const after = req.query.after;
        if (after !== undefined && (typeof after !== 'string' || !CURSOR.test(after))) {
          res.status(400).type('text/plain').send('`after` is not a cursor of this sitemap.');
          return;
        }
        if (await limited(req, res)) return;
        const answer = await options.readAnonymously(
          req,
          res,
          `query SitemapPage($first: Int!, $after: String) { ${kind.field}(first: $first, after: $after) { edges { node { ${kind.nodeFields} } } pageInfo { endCursor hasNextPage } } }`,
          { first: PAGE, after },
        );
        if (after !== undefined && answer.errors?.length) {
          // A cursor the API refuses (made up, or from before a page turned private).
          res.status(400).type('text/plain').send('`after` is not a cursor of this sitemap.');
          return;
        }
        const { nodes } = connectionOf(answer, kind.field);
        xml(
          res,
          urlset(
            options.publicUrl(),
            nodes.flatMap((node) => kind.entries(node)),
          ),
        );
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
