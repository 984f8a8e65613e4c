import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
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
 * Serves the built web client: hashed assets cached for a year, everything else revalidated,
 * and any unknown GET path answered with index.html so the client's router can take it.
 */
export function serveWebClient(app: Express, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
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
  app.get(/^\/(?!graphql|healthz|readyz|metrics|files\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (req.path.startsWith('/report')) {
      // Reporter pages: nothing cached, no Referer (securityHeaders: nothing loaded from
      // anywhere else), and no request line in the log (when someone opened a reporting page is
      // nobody's business).
      res.locals.unlogged = true;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
    }
    res.sendFile(index);
  });
  return true;
}
