import type { welcomeHtml as onServer } from './welcome-html';

/**
 * The browser's stand-in for welcome-html.ts (vite.config.ts swaps it in): the browser adopts the
 * server's HTML and then shows the learner picker's own welcome; it never renders it to HTML itself.
 */
export const welcomeHtml: typeof onServer = () => '';
