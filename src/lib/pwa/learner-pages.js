// Which addresses are learner pages: the pages the service worker opens from its caches, with or
// without a network: a page opened before from its own cached HTML, any other by starting the app
// from the one precached app shell (src/routes/app-shell).
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

/** The service worker's runtime cache of learner pages' own HTML, filled as a learner opens them. */
export const PAGES_CACHE = 'alkham-pages';

/**
 * Marks the app's own request for a page it rendered without a page load (src/lib/pwa/page-cache.ts):
 * the worker's page route takes it like a navigation, so the page is cached for the next time.
 */
export const PAGE_REQUEST_HEADER = 'x-alkham-page';

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

/**
 * A Workbox plugin for PAGES_CACHE: the copy of a page kept on the device leaves out the page's script
 * preloads (`<link rel="modulepreload">`). On a first visit over the network they let the browser fetch
 * every script at once; but a page opened from this cache (always, once kept) finds its scripts in the
 * precache too, and there the preloads only cost time: the browser compiled a dozen scripts between
 * the slices in which it parsed the page, and a slow phone painted the page's heading hundreds of
 * milliseconds later than without them (docs/performance.md, "Offline cold start"). The start script
 * imports the same scripts anyway, each a few milliseconds from the cache. The answer to the request
 * that fetched the page is left as it is. Self-contained, like pageStillRuns.
 */
export const keptWithoutScriptPreloads = {
	/** @param {{ response: Response }} options */
	cacheWillUpdate: async ({ response }) => {
		if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html'))
			return response;
		const html = await response.text();
		const headers = new Headers(response.headers);
		// The body is decoded and shorter now.
		headers.delete('content-length');
		headers.delete('content-encoding');
		return new Response(html.replace(/<link\b[^>]*\brel="modulepreload"[^>]*>[ \t]*\n?/g, ''), {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
};
