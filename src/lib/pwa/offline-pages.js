// Opening a learner page offline from its own HTML when the page cache does not have it: the worker
// rebuilds the page from the precached pack of every page's prerendered HTML (scripts/offline-pages.js
// packs it at build time and describes its format; docs/performance.md says why). The page then shows
// as soon as its HTML is read, as it does with JavaScript off, instead of after the whole app has
// started from the app shell.
// Plain JavaScript so that vite.config.ts and scripts/ share it with the app.

/** Where the pack is, in the client output and on the server. */
export const OFFLINE_PAGES = '/offline-pages';

/**
 * The pack's file holding a page: one per language and course (`en-meet-e-mongolia.bin`), and one for
 * the other pages of a language (`mn-pages.bin`). The worker's copy of this rule is in `pageFromPack`.
 * @param {string} path
 */
export function packFileOf(path) {
	const [, en, course] = /^\/(en(?:\/|$))?(?:courses\/([^/]+))?/.exec(path) ?? [];
	return `${en ? 'en' : 'mn'}-${course ?? 'pages'}.bin`;
}

/**
 * A Workbox plugin for the page route (PAGES_CACHE, vite.config.ts), listed before its app-shell
 * fallback: when the network fails and the page cache has no usable copy, answers with the page rebuilt
 * from the pack, with the headers the server gave the app shell (its security headers). Answers
 * nothing for an address the pack does not hold, or when the file is missing (an install cut short) or
 * cannot be inflated (a browser without DecompressionStream): the app shell opens the page then (Workbox asks the next plugin).
 * Workbox writes this function's source into the service worker: it may use nothing from outside it,
 * so OFFLINE_PAGES, APP_SHELL and `packFileOf` are written in it again (its unit test rebuilds every
 * page from a real pack, which fails if they drift apart).
 */
export const pageFromPack = {
	/** @param {{ request: Request }} options */
	handlerDidError: async ({ request }) => {
		try {
			const path = new URL(request.url).pathname.replace(/(.)\/+$/, '$1');
			const [, en, course] = /^\/(en(?:\/|$))?(?:courses\/([^/]+))?/.exec(path) ?? [];
			const name = `/offline-pages/${en ? 'en' : 'mn'}-${course ?? 'pages'}.bin`;
			const [packed, shell] = await Promise.all([
				caches.match(name, { ignoreSearch: true }),
				caches.match('/app-shell', { ignoreSearch: true })
			]);
			if (!packed?.body) return undefined;
			const inflated = packed.body.pipeThrough(new DecompressionStream('gzip'));
			const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
			const lineEnd = bytes.indexOf(10);
			/** @type {Record<string, [number, number][]>} */
			const index = JSON.parse(new TextDecoder().decode(bytes.subarray(0, lineEnd)));
			const ranges = index[path];
			if (!ranges) return undefined;
			const body = bytes.subarray(lineEnd + 1);
			const headers = new Headers(shell?.headers);
			for (const header of ['content-length', 'content-encoding', 'etag', 'last-modified', 'vary'])
				headers.delete(header);
			headers.set('content-type', 'text/html; charset=utf-8');
			const parts = ranges.map(([start, end]) => body.subarray(start, end));
			return new Response(new Blob(parts), { status: 200, headers });
		} catch {
			return undefined;
		}
	}
};
