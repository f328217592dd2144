// How the service worker answers a learner page (LEARNER_PAGE, learner-pages.js): with the page's own
// prerendered HTML from the precached pack of every page (scripts/offline-pages.js packs it at build
// time and describes its format; docs/performance.md says why), online or not. The page then shows as
// soon as its HTML is read, as it does with JavaScript off, without waiting for the network, and the
// same HTML the server would send: the pack is precached with the code it names, and an update
// replaces both.
// Plain JavaScript so that vite.config.ts and scripts/ share it with the app.

/** Where the pack is, in the client output and on the server. */
export const OFFLINE_PAGES = '/offline-pages';

/**
 * The pack's file holding a page: one per language and course (`en-meet-e-mongolia.bin`), and one for
 * the other pages of a language (`mn-pages.bin`). The worker's copy of this rule is in `openLearnerPage`.
 * @param {string} path
 */
export function packFileOf(path) {
	const [, en, course] = /^\/(en(?:\/|$))?(?:courses\/([^/]+))?/.exec(path) ?? [];
	return `${en ? 'en' : 'mn'}-${course ?? 'pages'}.bin`;
}

/**
 * The worker's handler for a learner page's navigation (vite.config.ts):
 * 1. the page rebuilt from the pack, with the headers the server gave the app shell (its security
 *    headers); failing that (a page the pack does not hold, its file missing after an install cut
 *    short, a browser without DecompressionStream):
 * 2. the network;
 * 3. offline, the precached app shell, from which the app renders the page of the address.
 * Workbox writes this function's source into the service worker: it may use nothing from outside it,
 * so OFFLINE_PAGES, APP_SHELL and `packFileOf` are written in it again (its unit test rebuilds pages
 * from a real pack, which fails if they drift apart).
 * @param {{ request: Request }} options
 * @returns {Promise<Response>}
 */
export async function openLearnerPage({ request }) {
	// Versions before the pack (until 2026-12-03) kept pages in a cache of their own, no longer read.
	const worker = /** @type {{ alkhamRetiredCache?: Promise<boolean> }} */ (globalThis);
	worker.alkhamRetiredCache ??= caches.delete('alkham-pages').catch(() => false);
	const shell = caches.match('/app-shell', { ignoreSearch: true }).catch(() => undefined);
	try {
		const path = new URL(request.url).pathname.replace(/(.)\/+$/, '$1');
		const [, en, course] = /^\/(en(?:\/|$))?(?:courses\/([^/]+))?/.exec(path) ?? [];
		const packed = await caches.match(`/offline-pages/${en ? 'en' : 'mn'}-${course ?? 'pages'}.bin`, {
			ignoreSearch: true
		});
		if (!packed?.body) throw new Error('not in the pack');
		const inflated = packed.body.pipeThrough(new DecompressionStream('gzip'));
		const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
		const lineEnd = bytes.indexOf(10);
		/** @type {Record<string, [number, number][]>} */
		const index = JSON.parse(new TextDecoder().decode(bytes.subarray(0, lineEnd)));
		const ranges = index[path];
		if (!ranges) throw new Error('not in the pack');
		const body = bytes.subarray(lineEnd + 1);
		const headers = new Headers((await shell)?.headers);
		for (const header of ['content-length', 'content-encoding', 'etag', 'last-modified', 'vary'])
			headers.delete(header);
		headers.set('content-type', 'text/html; charset=utf-8');
		const parts = ranges.map(([start, end]) => body.subarray(start, end));
		return new Response(new Blob(parts), { status: 200, headers });
	} catch {
		try {
			return await fetch(request);
		} catch (offline) {
			const fallback = await shell;
			if (fallback) return fallback;
			throw offline;
		}
	}
}
