import { LEARNER_PAGE } from './learner-pages.js';

/**
 * Keeps the server's own HTML of a learner page the learner has opened in the service worker's page
 * cache (PAGES_CACHE, see vite.config.ts), so that opening it again offline, in a new tab or after the
 * phone dropped the app, shows the page as soon as its HTML is read, as with JavaScript off, instead
 * of starting the whole app from the shell first. The pages it leads to next along the course tree
 * are kept too (next-pages.ts), so that the next lesson also opens that way offline.
 *
 * The worker only sees full page loads: a page reached by a link inside the app is rendered by the
 * app from its data, so the app asks the worker for it in idle time, with a header the worker's page
 * route accepts. The worker answers from its cache when it has the page already (nothing is
 * downloaded), else fetches it once (8–10 KB gzip) and keeps it. Skipped offline, without a
 * controlling worker, and when the device asks to save data. Never throws: the app shell still opens
 * any page offline.
 */
export function keepPage(url: URL) {
	const address = url.pathname + url.search;
	if (!LEARNER_PAGE.test(address) || !navigator.serviceWorker?.controller || !navigator.onLine) return;
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	if (connection?.saveData) return;
	// The asking itself, and what the page leads to, in a module of its own: loaded only now.
	const keep = () => {
		import('./next-pages').then((next) => next.keepWithNext(address, url.pathname)).catch(() => {});
	};
	if ('requestIdleCallback' in window) requestIdleCallback(keep, { timeout: 5000 });
	else setTimeout(keep, 1000);
}
