// Budget checks on the production build (run by `npm test` after `npm run build`):
//   1. the JavaScript a first visit to any learner page downloads: at most 49.4 KB gzip (issue 13 asked
//      for 50; the budget is the figure reached): 47.6–49.2 KB on all 92 pages at the end of 2026-12-03
//      (the heaviest, a course page, 49.17; the footer is the server's HTML, without its code). Not
//      lower: the same commit's figure moves by tens of bytes from build to build (a page at 49.46 KB in
//      one build was over 49.5 in a clean clone's), and a budget check must not flake.
//      Parts a page loads right after it is up (the lesson player, the settings' sections, shown until
//      then as the server's HTML) are not in the figure, as they are not in what the page waits for.
//      And every script a page needs at once is preloaded by its start script once the page has painted
//      (src/lib/server/http/paint-first.ts: no page waits a round trip to discover one);
//   2. everything the service worker precaches: at most 1.5 MB, counted uncompressed (what the
//      cache holds on the device); the gzip total (what the phone downloads: the server sends every
//      file compressed) is printed beside it;
//   3. every learner page opens offline: its address is one the service worker answers, the data file
//      it needs is precached (for the app shell), and the worker's own handler rebuilds its HTML from
//      the precached pack of pages (scripts/offline-pages.js) byte for byte.
// Sizes, not timings: they are the same on a busy machine.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_SHELL, LEARNER_PAGE } from '../src/lib/pwa/learner-pages.js';
import { OFFLINE_PAGES, openLearnerPage, packFileOf } from '../src/lib/pwa/offline-pages.js';

export const PAGE_JS_BUDGET = 49.4 * 1024;
export const PRECACHE_BUDGET = 1.5 * 1024 * 1024;

const BUILD = process.env.BUILD_DIR ?? 'build';
const CLIENT = join(BUILD, 'client');
const PRERENDERED = join(BUILD, 'prerendered');
const DETAIL = process.argv.includes('--pages');

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function walk(dir, filter) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path, filter) : filter(path) ? [path] : [];
	});
}

/** Static imports (`import … from "./x.js"`, `import "./x.js"`) of a built chunk. */
function staticImports(file) {
	const code = readFileSync(file, 'utf8');
	const out = [];
	for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) out.push(match[1]);
	return out.map((spec) => join(dirname(file), spec));
}

/** Dynamic imports (`import("./x.js")`; the minifier writes them with backticks) of a built chunk. */
function dynamicImports(file) {
	const code = readFileSync(file, 'utf8');
	return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
		join(dirname(file), m[1])
	);
}

const contains = (file, text) => existsSync(file) && readFileSync(file, 'utf8').includes(text);

function closure(files) {
	const seen = new Set();
	const queue = [...files];
	while (queue.length) {
		const file = queue.pop();
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		queue.push(...staticImports(file));
	}
	return seen;
}

/**
 * The JS files a prerendered page loads on a first visit (`files`), and those among the scripts it needs
 * at once that its HTML does not preload (`late`): the browser finds those only after the module
 * importing them has arrived, one network round trip later each (on a slow phone network, hundreds of
 * milliseconds before the page can respond).
 */
function pageScripts(htmlFile) {
	const html = readFileSync(htmlFile, 'utf8');
	const pageDir = dirname(relative(PRERENDERED, htmlFile));
	const resolve = (href) =>
		href.startsWith('/') ? join(CLIENT, href) : join(CLIENT, posix.normalize(posix.join(pageDir, href)));
	const entries = [
		// The start script's preloads, added once the page has painted (src/lib/server/http/paint-first.ts).
		...JSON.parse(/const alkhamPreloads = (\[[^\]]*\]);/.exec(html)?.[1] ?? '[]'),
		...[...html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)].map((m) => m[1])
	].map(resolve);
	const preloaded = new Set(entries);
	// SvelteKit's start script imports the route's nodes (layouts and page) by id at hydration.
	const app = entries.find((f) => /entry[/\\]app\.[^/\\]+\.js$/.test(f));
	const ids =
		/node_ids:\s*\[([\d,\s]*)\]/
			.exec(html)?.[1]
			.split(',')
			.map((n) => n.trim()) ?? [];
	if (app) {
		const code = readFileSync(app, 'utf8');
		for (const id of ids) {
			const node = new RegExp(`["']([^"']*nodes/${id}\\.[^"'/]+\\.js)["']`).exec(code)?.[1];
			if (node) entries.push(join(dirname(app), node));
		}
	}
	// A page whose scripts cannot be read would pass the budget with 0 KB: refuse to guess.
	if (!entries.some((f) => /entry[/\\]start\.[^/\\]+\.js$/.test(f)) || ids.length === 0)
		throw new Error(`Cannot find the scripts of ${htmlFile}: has SvelteKit's page format changed?`);
	const files = closure(entries);
	const late = [...files].filter((f) => !preloaded.has(f));
	// The learner frame loads the service-worker registration right after hydration on every learner
	// page, and the registration loads workbox-window at once: both are part of every first visit.
	// Found by what they hold (the chunk that registers /sw.js; workbox-window's SKIP_WAITING message),
	// because the frame also imports code on demand only (the learner picker, the idle lock).
	const registration = [...files].flatMap(dynamicImports).find((f) => contains(f, '/sw.js'));
	if (!registration)
		throw new Error(
			`Cannot find the service-worker registration of ${htmlFile}: has the learner frame changed?`
		);
	const workbox = dynamicImports(registration).filter((f) => contains(f, 'SKIP_WAITING'));
	for (const f of closure([registration, ...workbox])) files.add(f);
	return { files, late };
}

/** Prerendered learner pages (the app shell is not a page). */
function learnerPages() {
	return walk(PRERENDERED, (p) => p.endsWith('.html')).filter(
		(p) => relative(PRERENDERED, p) !== `${APP_SHELL.slice(1)}.html`
	);
}

/** The address of a prerendered page: index.html → /, en/courses/x.html → /en/courses/x. */
function pageUrl(file) {
	const path = relative(PRERENDERED, file)
		.split('\\')
		.join('/')
		.replace(/\.html$/, '');
	return path === 'index' ? '/' : `/${path}`;
}

function checkPages(pages) {
	if (pages.length === 0)
		throw new Error(`No prerendered pages in ${PRERENDERED}: run \`npm run build\` first.`);
	let worst = { page: '', bytes: 0 };
	/** @type {{ page: string, bytes: number, budget: number }[]} */
	const over = [];
	const late = [];
	const all = [];
	for (const page of pages) {
		const scripts = pageScripts(page);
		const bytes = [...scripts.files].reduce((sum, f) => sum + gz(f), 0);
		all.push({ page: relative(PRERENDERED, page), bytes, files: scripts.files });
		if (bytes > worst.bytes) worst = { page: relative(PRERENDERED, page), bytes };
		if (bytes > PAGE_JS_BUDGET)
			over.push({ page: relative(PRERENDERED, page), bytes, budget: PAGE_JS_BUDGET });
		if (scripts.late.length) late.push({ page: relative(PRERENDERED, page), scripts: scripts.late });
	}
	if (DETAIL) printDetail(all);
	return { pages: pages.length, worst, late, over };
}

/**
 * `node scripts/check-budget.js --pages`: every page's first-visit JavaScript, lightest first, then each
 * file of the heaviest page with the number of pages that load it (what to split next).
 */
function printDetail(all) {
	all.sort((a, b) => a.bytes - b.bytes);
	for (const { page, bytes } of all) console.log(`${(bytes / 1024).toFixed(2).padStart(7)} KB  ${page}`);
	const heaviest = all[all.length - 1];
	console.log(`\nFiles of ${heaviest.page}:`);
	for (const file of [...heaviest.files].sort((a, b) => gz(b) - gz(a))) {
		const shared = all.filter((p) => p.files.has(file)).length;
		console.log(
			`${(gz(file) / 1024).toFixed(2).padStart(7)} KB  ${relative(CLIENT, file)} (${shared} pages)`
		);
	}
	console.log('');
}

function precacheEntries() {
	const sw = readFileSync(join(CLIENT, 'sw.js'), 'utf8');
	return [...sw.matchAll(/url:"([^"]+)",revision:/g)].map((m) => m[1]);
}

function precacheFile(url) {
	const clean = url.replace(/^\//, '');
	const candidates =
		clean === ''
			? [join(PRERENDERED, 'index.html')]
			: [join(CLIENT, clean), join(PRERENDERED, clean), join(PRERENDERED, `${clean}.html`)];
	const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
	if (!found) throw new Error(`Precache entry ${url} has no file in ${BUILD}`);
	return found;
}

function checkPrecache(entries) {
	const files = [...new Set(entries.map(precacheFile))];
	const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
	// The pack's files are gzip already, and sent as they are.
	const gzip = files.reduce((sum, f) => sum + (f.endsWith('.bin') ? statSync(f).size : gz(f)), 0);
	return { entries: files.length, raw, gzip };
}

/**
 * Learner pages that would not open offline: an address the service worker does not answer, data
 * (__data.json) the page loads that is not precached, or a page the pack does not give back as it was
 * prerendered.
 */
async function checkOffline(pages, precached) {
	const problems = [];
	if (!precached.includes(APP_SHELL.slice(1))) problems.push(`the app shell ${APP_SHELL} is not precached`);
	for (const page of pages) {
		const url = pageUrl(page);
		if (!LEARNER_PAGE.test(url)) problems.push(`${url} is not answered by the service worker`);
		// index.html → __data.json, en.html → en/__data.json, courses/x.html → courses/x/__data.json
		const data = url === '/' ? join(PRERENDERED, '__data.json') : join(PRERENDERED, url, '__data.json');
		const dataUrl = relative(PRERENDERED, data).split('\\').join('/');
		if (existsSync(data) && !precached.includes(dataUrl)) problems.push(`${dataUrl} is not precached`);
		const pack = `${OFFLINE_PAGES.slice(1)}/${packFileOf(url)}`;
		if (!precached.includes(pack)) problems.push(`${pack}, which holds ${url}, is not precached`);
		else if (!readFileSync(page).equals(await fromPack(url)))
			problems.push(`${url} is not in ${pack} as it was prerendered`);
	}
	return problems;
}

/**
 * A page as the worker answers it offline: its own handler (src/lib/pwa/offline-pages.js), run here on
 * the built pack files, with no network and an app shell that is not the page.
 */
async function fromPack(url) {
	const cached = (/** @type {string} */ address) =>
		address.startsWith(`${OFFLINE_PAGES}/`) && existsSync(join(CLIENT, address))
			? new Response(readFileSync(join(CLIENT, address)))
			: address === APP_SHELL
				? new Response('the app shell')
				: undefined;
	const realCaches = globalThis.caches;
	const realFetch = globalThis.fetch;
	globalThis.caches = { match: async (address) => cached(address), delete: async () => false };
	globalThis.fetch = async () => Promise.reject(new TypeError('offline'));
	try {
		const response = await openLearnerPage({ request: new Request(`http://localhost${url}`) });
		return Buffer.from(await response.arrayBuffer());
	} finally {
		globalThis.caches = realCaches;
		globalThis.fetch = realFetch;
	}
}

function checkServiceWorker() {
	const files = walk(CLIENT, (p) => /[/\\](sw|workbox-[^/\\]+)\.js$/.test(p));
	return files.reduce((sum, f) => sum + gz(f), 0);
}

/** What a returning learner's page also runs: the learner-data modules with Dexie (from the device's cache). */
function learnerDataExtra(page) {
	const onPage = pageScripts(join(PRERENDERED, page)).files;
	const chunks = walk(join(CLIENT, '_app', 'immutable'), (p) => p.endsWith('.js'));
	const dexie = chunks.filter((f) => readFileSync(f, 'utf8').includes('liveQuery'));
	return [...closure(dexie)].filter((f) => !onPage.has(f)).reduce((sum, f) => sum + gz(f), 0);
}

const pageFiles = learnerPages();
const entries = precacheEntries();
const pages = checkPages(pageFiles);
const extra = learnerDataExtra(pages.worst.page);
const precache = checkPrecache(entries);
const offline = await checkOffline(pageFiles, entries);
const sw = checkServiceWorker();

console.log(`Learner pages prerendered: ${pages.pages}`);
console.log(
	`First-visit JavaScript, heaviest page (${pages.worst.page}): ${kb(pages.worst.bytes)} gzip (budget ${kb(PAGE_JS_BUDGET)} a page)`
);
console.log(
	`  + learner data (Dexie), loaded once the device holds progress or on the first save: ${kb(extra)} gzip, from the device's cache after the first visit`
);
console.log(`Service worker scripts: ${kb(sw)} gzip (installed in the background, not on the page)`);
console.log(
	`Precache: ${precache.entries} files, ${kb(precache.raw)} on the device (budget ${kb(PRECACHE_BUDGET)}), ${kb(precache.gzip)} gzip downloaded`
);
console.log(
	`Learner pages that open offline, from their own HTML in the pack or from the app shell: ${offline.length === 0 ? 'all' : `not all (${offline.length} problems)`}`
);

let failed = false;
for (const { page, bytes, budget } of pages.over) {
	console.error(`✗ ${page} loads ${kb(bytes)} of JavaScript, over its budget of ${kb(budget)}.`);
	failed = true;
}
if (precache.raw > PRECACHE_BUDGET) {
	console.error(`✗ The precache holds ${kb(precache.raw)}, over the budget.`);
	failed = true;
}
for (const { page, scripts } of pages.late.slice(0, 5)) {
	console.error(
		`✗ ${page} does not preload ${scripts.map((f) => relative(CLIENT, f)).join(', ')}: the browser would fetch them late.`
	);
	failed = true;
}
if (pages.late.length > 5) console.error(`  … and ${pages.late.length - 5} more pages.`);
for (const problem of offline) {
	console.error(`✗ Offline: ${problem}.`);
	failed = true;
}
if (failed) process.exit(1);
console.log('✓ Within budget.');
