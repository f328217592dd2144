import { LEARNER_PAGE, PAGE_REQUEST_HEADER } from './learner-pages.js';
import { whenIdle } from './page-cache';

/**
 * Asks the worker to keep a learner page (page-cache.ts decides when), then the pages it leads to next
 * along the course tree (`nextPages`), one at a time, each when the page is idle: never a burst of
 * requests on a slow network. The worker answers from its cache what it has already (nothing is
 * downloaded); anything else it fetches once (8–10 KB gzip a page) and keeps. Not when the device asks
 * to save data; stops when the network goes. Never throws.
 */
export async function keepWithNext(url: URL) {
	const address = url.pathname + url.search;
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	if (!LEARNER_PAGE.test(address) || connection?.saveData) return;
	try {
		const response = await ask(address);
		// Only a page that leads further has its HTML read.
		const next = response.ok && belowOf(url.pathname) ? nextPages(url.pathname, await response.text()) : [];
		if (!next.length) await response.body?.cancel();
		for (const page of next) {
			if (!navigator.onLine) return;
			await whenIdle();
			await (await ask(page)).body?.cancel();
		}
	} catch {
		// Offline or refused: the app shell still opens any page.
	}
}

/** The worker's page route takes this request like a navigation, and keeps the page. */
function ask(address: string) {
	return fetch(address, { headers: { [PAGE_REQUEST_HEADER]: 'keep' } });
}

/**
 * The pages a learner is likely to open next from `path`, as its HTML links them: the home page's
 * courses, and a course's lessons (in the page's language, as its links are). One step down the tree
 * only: a course kept this way does not in turn keep its lessons; opening it does.
 */
export function nextPages(path: string, html: string): string[] {
	const below = belowOf(path);
	if (!below) return [];
	const links = [...html.matchAll(/\bhref="([^"#?]+)"/g)].map((match) => match[1]);
	return [
		...new Set(
			links.filter(
				(href) =>
					href.startsWith(below) && /^[^/]+$/.test(href.slice(below.length)) && LEARNER_PAGE.test(href)
			)
		)
	];
}

/** Where the pages one step down from `path` are: a home page's courses, a course's lessons. */
function belowOf(path: string) {
	const base = path.replace(/\/$/, '');
	if (/^(\/en)?$/.test(base)) return `${base}/courses/`;
	if (/^(\/en)?\/courses\/[^/]+$/.test(base)) return `${base}/`;
	return undefined;
}
