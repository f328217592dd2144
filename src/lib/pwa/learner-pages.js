// Which addresses are learner pages: the pages the service worker opens from its caches, with or
// without a network: a page opened before from its own cached HTML, any other from its own HTML in
// the precached pack of all pages (offline-pages.js), and failing that by starting the app from the
// one precached app shell (src/routes/app-shell).
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

/** The service worker's runtime cache of learner pages' own HTML, filled as a learner opens them (page loads). */
export const PAGES_CACHE = 'alkham-pages';

/**
 * A Workbox plugin for PAGES_CACHE. A page cached by an earlier version of the app names code that the
 * update removed from the precache: such a page is used only while its start script is still cached;
 * otherwise it counts as not cached, and the network (online) or the app shell (offline) opens it.
 * Workbox writes this function's source into the service worker: it may use nothing from outside it.
 */
export const pageStillRuns = {
	/** @param {{ cachedResponse?: Response }} options */
	cachedResponseWillBeUsed: async ({ cachedResponse }) => {
		if (!cachedResponse) return null;
		const html = await cachedResponse.clone().text();
		const start = /\/_app\/immutable\/entry\/start\.[\w-]+\.js/.exec(html);
		if (!start) return null;
		const code = await caches.match(start[0], { ignoreSearch: true });
		return code ? cachedResponse : null;
	}
};
