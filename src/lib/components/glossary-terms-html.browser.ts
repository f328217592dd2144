import type { glossaryTermsHtml as onServer } from './glossary-terms-html';

/**
 * The browser's stand-in for glossary-terms-html.ts (vite.config.ts swaps it in): the browser adopts the
 * server's entries, or renders GlossaryTerms.svelte itself when the page is opened by a link in the app.
 */
export const glossaryTermsHtml: typeof onServer = () => '';
