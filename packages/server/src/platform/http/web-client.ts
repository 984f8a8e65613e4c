import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';

/**
 * The headers every response carries (helmet's, with a strict policy): the web client loads
 * only its own scripts, styles and data (`'self'` covers the page's own `ws:`/`wss:` for
 * graphql-ws), shows no external images (an image from elsewhere would tell its host who read
 * the page), and no other site may frame it. No Referer leaves any page (the reporting pages
 * least of all). In production browsers are told to use HTTPS only, for a year.
 */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React sets style properties through the CSSOM, which style-src does not govern.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 365 * 24 * 60 * 60 } : false,
  });
}

/**
 * What the HTML of one page says about it before any script runs: link previews (Open Graph),
 * the canonical address and the same page in the other languages. Values are plain text; they
 * are escaped here.
 */
export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL of the preview image. */
  image: string;
  /** `kk`, `ru` or `en`: the page's language (`<html lang>`, `og:locale`). */
  locale: string;
  /** Absolute canonical URL; none for a page that is not public (the generic page). */
  canonicalUrl?: string | undefined;
  /** The same page in each language (`hreflang`). */
  alternates: Array<{ hreflang: string; href: string }>;
  ogType: 'website' | 'article';
}

/**
 * Describes the page at a request's path. Supplied by the composition root (features know what
 * a path shows and who may see it; the platform does not).
 */
export type DescribePage = (req: Request, res: Response) => Promise<PageHead>;

const OG_LOCALES: Record<string, string> = { kk: 'kk_KZ', ru: 'ru_RU', en: 'en_US' };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** index.html with `head`'s title, description and link tags in place of the built defaults. */
export function withHead(index: string, head: PageHead): string {
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('property', 'og:title', head.title),
    meta('property', 'og:description', head.description),
    meta('property', 'og:image', head.image),
    meta('property', 'og:type', head.ogType),
    meta('property', 'og:locale', OG_LOCALES[head.locale] ?? head.locale),
    meta('property', 'og:site_name', 'Alany'),
    meta('name', 'twitter:card', 'summary'),
    ...(head.canonicalUrl
      ? [
          meta('property', 'og:url', head.canonicalUrl),
          `<link rel="canonical" href="${escapeHtml(head.canonicalUrl)}" />`,
        ]
      : []),
    ...head.alternates.map(
      ({ hreflang, href }) =>
        `<link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(href)}" />`,
    ),
  ];
  // Replacements are functions throughout, so that `$&` in a title is not read as a pattern.
  return index
    .replace(/<html([^>]*)\blang="[^"]*"/, (_match, before: string) => {
      return `<html${before}lang="${escapeHtml(head.locale)}"`;
    })
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(head.title)}</title>`)
    .replace(/<meta\s+name="description"[^>]*>/, () =>
      meta('name', 'description', head.description),
    )
    .replace('</head>', () => `    ${tags.join('\n    ')}\n  </head>`);
}

/**
 * Serves the built web client: hashed assets cached for a year, everything else revalidated,
 * and any unknown GET path answered with index.html so the client's router can take it. With
 * `describe`, each page's HTML carries that page's preview tags (see `PageHead`).
 */
export function serveWebClient(app: Express, distDir: string, describe?: DescribePage): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  // Read once: the build does not change under a running server.
  const indexHtml = fs.readFileSync(index, 'utf8');
  app.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  app.use(express.static(distDir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!graphql|healthz|readyz|metrics|files\/).*/, async (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (req.path.startsWith('/report')) {
      // Reporter pages: nothing cached, no Referer (securityHeaders: nothing loaded from
      // anywhere else), and no request line in the log (when someone opened a reporting page is
      // nobody's business). No look-up either: the page is the same for everyone.
      res.locals.unlogged = true;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.sendFile(index);
      return;
    }
    if (!describe) {
      res.sendFile(index);
      return;
    }
    try {
      const head = await describe(req, res);
      res.type('html').send(withHead(indexHtml, head));
    } catch (error) {
      next(error);
    }
  });
  return true;
}
