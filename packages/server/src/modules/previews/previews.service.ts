import type { Request, Response } from 'express';
import type { PageHead } from '../../platform/http/web-client.js';
import type { RateLimiter } from '../../platform/auth/rate-limit.js';

/** The languages every page exists in (the web client reads `?lang=`). */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/**
 * An answer of the API, read as the anonymous viewer: through the same resolvers, policies and
 * row-level security as any signed-out request, never around them.
 */
export interface AnonymousAnswer {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly unknown[] | undefined;
}
export type ReadAnonymously = (
  req: Request,
  res: Response,
  query: string,
  variables: Record<string, unknown>,
) => Promise<AnonymousAnswer>;

export interface PreviewOptions {
  readAnonymously: ReadAnonymously;
  rateLimiter: RateLimiter;
  /** The public address (ALANY_PUBLIC_URL, or the one the server listens on). */
  publicUrl: () => string;
}

/**
 * Look-ups for link previews, per client address: a crawler or a chat app fetching many links
 * is fine; one client making the HTML route a free database reader is not. Past it the pages
 * are still served, generic.
 */
export const PREVIEW_LOOKUPS_PER_CLIENT = { points: 120, windowSeconds: 60 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type PreviewKind = 'event' | 'organisation' | 'space' | 'thread' | 'resource' | 'risks';

interface KindLookup {
  kind: PreviewKind;
  pattern: RegExp;
  key: RegExp;
  query: string;
  /** Title and description from the answer's one field; undefined when it holds nothing. */
  read(found: Record<string, unknown>): { title: string; description: string } | undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Marks-up and line breaks out, then at most `max` characters (a preview is one paragraph). */
export function plainSummary(value: string, max = 200): string {
  const flat = value
    .replace(/[#*_`>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The public pages of the web client (packages/web/src/features/*\/routes.tsx) and how each is
 * read. Threads are listed too: the API lets nobody signed out read one, so their preview is
 * always the generic page — the same answer the API gives.
 */
const LOOKUPS: KindLookup[] = [
  {
    kind: 'event',
    pattern: /^\/events\/([^/]+)\/?$/,
    key: UUID,
    query:
      'query PreviewEvent($key: ID!) { found: event(id: $key) { title description location } }',
    read: (found) => ({
      title: text(found.title),
      description: text(found.description) || text(found.location),
    }),
  },
  {
    kind: 'organisation',
    pattern: /^\/o\/([^/]+)\/?$/,
    key: SLUG,
    query:
      'query PreviewOrganisation($key: String!) { found: organisation(slug: $key) { name description city } }',
    read: (found) => ({
      title: text(found.name),
      description: text(found.description) || text(found.city),
    }),
  },
  {
    kind: 'space',
    pattern: /^\/s\/([^/]+)\/?$/,
    key: UUID,
    query: 'query PreviewSpace($key: ID!) { found: space(id: $key) { name description } }',
    read: (found) => ({ title: text(found.name), description: text(found.description) }),
  },
  {
    kind: 'thread',
    pattern: /^\/t\/([^/]+)\/?$/,
    key: UUID,
    query: 'query PreviewThread($key: ID!) { found: thread(id: $key) { title body } }',
    read: (found) => ({ title: text(found.title), description: text(found.body) }),
  },
  {
    kind: 'resource',
    pattern: /^\/resources\/([^/]+)\/?$/,
    key: UUID,
    query: 'query PreviewResource($key: ID!) { found: resource(id: $key) { title description } }',
    read: (found) => ({ title: text(found.title), description: text(found.description) }),
  },
  {
    kind: 'risks',
    pattern: /^\/public\/risks\/([^/]+)\/?$/,
    key: UUID,
    query:
      'query PreviewRisks($key: ID!) { found: publicRiskAssessment(id: $key) { title subject region period } }',
    read: (found) => ({
      title: text(found.title),
      description: [found.subject, found.region, found.period]
        .map(text)
        .filter(Boolean)
        .join(' · '),
    }),
  },
];

const GENERIC: Record<Language, { title: string; description: string }> = {
  kk: {
    title: 'Alany',
    description: 'Alany: сыбайлас жемқорлыққа қарсы азаматтық қоғам желілерінің ашық алаңы.',
  },
  ru: {
    title: 'Alany',
    description: 'Alany: открытая площадка сетей гражданского общества против коррупции.',
  },
  en: {
    title: 'Alany',
    description: 'Alany: a public square for civil-society networks working against corruption.',
  },
};

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** `?lang=` when it names one of the three, else the browser's preference, else Kazakh. */
export function languageOf(req: Request): Language {
  const asked = req.query.lang;
  if (isLanguage(asked)) return asked;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return isLanguage(accepted) ? accepted : 'kk';
}

/** The same page in each language, and `x-default` (the page without `?lang=`). */
export function alternatesOf(base: string, path: string): PageHead['alternates'] {
  return [
    ...LANGUAGES.map((hreflang) => ({ hreflang, href: `${base}${path}?lang=${hreflang}` })),
    { hreflang: 'x-default', href: `${base}${path}` },
  ];
}

/**
 * The head of the page at `req.path`: its own title, description, image and canonical URL when
 * the anonymous viewer may read what it shows; otherwise the generic page's (a private or
 * unknown URL looks like every other: no title, no canonical address).
 */
export function describePage(options: PreviewOptions) {
  return async (req: Request, res: Response): Promise<PageHead> => {
    const base = options.publicUrl();
    const locale = languageOf(req);
    // Only the path (never the query) is echoed back, and only for a public page.
    const generic: PageHead = {
      ...GENERIC[locale],
      image: `${base}/og/alany.png`,
      locale,
      alternates: [],
      ogType: 'website',
    };
    for (const lookup of LOOKUPS) {
      const match = lookup.pattern.exec(req.path);
      if (!match) continue;
      const key = match[1] ?? '';
      // Ids and slugs hold no escapes: anything else is not a page of ours.
      if (!lookup.key.test(key)) return generic;
      const decision = await options.rateLimiter.hit(
        `preview:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`,
        PREVIEW_LOOKUPS_PER_CLIENT.points,
        PREVIEW_LOOKUPS_PER_CLIENT.windowSeconds,
      );
      if (!decision.allowed) return generic;
      const answer = await options.readAnonymously(req, res, lookup.query, { key });
      const found = answer.data?.found;
      if (answer.errors?.length || !found || typeof found !== 'object') return generic;
      const read = lookup.read(found as Record<string, unknown>);
      if (!read?.title) return generic;
      const path = req.path.replace(/\/$/, '');
      return {
        title: `${read.title} · Alany`,
        description: plainSummary(read.description) || GENERIC[locale].description,
        image: `${base}/og/${lookup.kind}.png`,
        locale,
        canonicalUrl: `${base}${path}`,
        alternates: alternatesOf(base, path),
        ogType: 'article',
      };
    }
    return generic;
  };
}
