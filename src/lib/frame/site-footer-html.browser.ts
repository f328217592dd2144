import type { siteFooterHtml as onServer } from './site-footer-html';

/**
 * The browser's stand-in for site-footer-html.ts (vite.config.ts swaps it in): the browser adopts the
 * server's HTML, or loads the footer's component where there is none; it never renders it to HTML.
 */
export const siteFooterHtml: typeof onServer = () => '';
