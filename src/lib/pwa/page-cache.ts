/**
 * Keeps the server's own HTML of a learner page the learner has opened in the service worker's page
 * cache (PAGES_CACHE, see vite.config.ts), so that opening it again offline, in a new tab or after the
 * phone dropped the app, shows the page as soon as its HTML is read, as with JavaScript off, instead
 * of starting the whole app from the shell first; and the pages it leads to next along the course
 * tree, so that the next lesson also opens that way offline (next-pages.ts).
 *
 * The worker only sees full page loads: a page reached by a link inside the app is rendered by the
 * app from its data, so the app asks the worker for it in idle time. Only when a worker controls the
 * page and the device is online: then the code that does the asking (next-pages.ts) is loaded, never
 * as part of a first download. Never throws: the app shell still opens any page offline.
 */
export function keepPage(url: URL) {
	if (!navigator.serviceWorker?.controller || !navigator.onLine) return;
	whenIdle()
		.then(() => import('./next-pages'))
		.then((next) => next.keepWithNext(url))
		.catch(() => {});
}

/** Resolves when the page is idle (at the latest after 5 s), or after a second where idle callbacks do not exist. */
export function whenIdle() {
	return new Promise<void>((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5000 });
		else setTimeout(resolve, 1000);
	});
}
