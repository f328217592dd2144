// Which addresses are learner pages: the pages the service worker opens from its caches, with or
// without a network: from its own HTML in the precached pack of all pages (offline-pages.js), and
// failing that (offline) by starting the app from the one precached app shell (src/routes/app-shell).
// Plain JavaScript so that vite.config.ts and scripts/check-budget.js share it with the app.
// Never a server page: /verify, /teach, /api and /.well-known always go to the network.

/**
 * Learner pages in both languages: /, /en, courses and lessons, and the device's own pages. Matched
 * against path and query together (as Workbox's navigation route does), so any query is allowed.
 */
export const LEARNER_PAGE =
	/^\/(?:en\/?)?(?:(?:courses\/[^/?.]+(?:\/[^/?.]+)?|settings|help|device|profile|join|glossary|certificates(?:\/view)?)\/?)?(?:\?.*)?$/;

/** The prerendered app shell: an empty page that starts the app, which then renders the address it was opened at. */
export const APP_SHELL = '/app-shell';
