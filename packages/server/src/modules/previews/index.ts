export { describePage, type PreviewOptions, type ReadAnonymously } from './previews.service.js';
export { previewRoutes } from './previews.sitemap.js';
