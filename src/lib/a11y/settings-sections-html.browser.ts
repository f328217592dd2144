import type { settingsSectionsHtml as onServer } from './settings-sections-html';

/**
 * The browser's stand-in for settings-sections-html.ts (vite.config.ts swaps it in): the browser adopts
 * the server's HTML and then loads the sections' component; it never renders them to HTML itself.
 */
export const settingsSectionsHtml: typeof onServer = () => '';
