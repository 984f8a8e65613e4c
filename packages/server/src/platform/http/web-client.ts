import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

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
      // Reporter pages: nothing cached, no Referer, nothing loaded from anywhere else, and no
      // request line in the log (when someone opened a reporting page is nobody's business).
      res.locals.unlogged = true;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
    res.sendFile(index);
  });
  return true;
}
