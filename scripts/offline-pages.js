// Every learner page's own prerendered HTML, packed small enough to precache (docs/performance.md,
// "Every page from its own HTML, offline"). The service worker answers every learner page with the
// page rebuilt from the pack, online or not (src/lib/pwa/offline-pages.js), so that any page opens as
// fast as its HTML, not by starting the whole app from the app shell.
//
// The 92 pages are 2.7 MB of HTML, 790 KB gzipped one by one: far over the precache's 1.5 MB budget.
// Most of that is repeated: every page inlines a few stylesheets and the first-frame script that other
// pages have too, and a course's pages share their header, footer and welcome. So the pages of one
// language and course go in one file (the other pages of a language in another), which keeps each
// repeated <style> and <script> element once and is gzipped as a whole: 14 files, ~15 KB each. The
// worker reads and inflates one file per page (~100–200 KB of HTML, a few milliseconds; gzip is the
// format browsers inflate natively, DecompressionStream).
//
// A file is gzip of one line of JSON, `{ "<path>": [[start, end]…] }`, then the pages' bytes: a page is
// its ranges of the bytes after that line, in order. Byte offsets: the worker slices, never decodes.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_SHELL, LEARNER_PAGE } from '../src/lib/pwa/learner-pages.js';
import { OFFLINE_PAGES, packFileOf } from '../src/lib/pwa/offline-pages.js';

/** An inline style sheet or script: kept once in a file when more than one page has it. */
const BLOCK = /<style\b[^>]*>[\s\S]*?<\/style>|<script\b[^>]*>[\s\S]*?<\/script>/g;

/**
 * Packs pages ({ path, html }) into files named by `packFileOf` (gzip, in the format above).
 * @param {{ path: string, html: string }[]} pages
 * @returns {{ name: string, bytes: Buffer }[]}
 */
export function packPages(pages) {
	const groups = new Map();
	for (const page of pages) {
		const name = packFileOf(page.path);
		groups.set(name, [...(groups.get(name) ?? []), page]);
	}
	return [...groups]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, members]) => ({ name, bytes: packFile(members) }));
}

/**
 * One file: its pages' repeated blocks once, then the rest of each page, with every page's ranges.
 * @param {{ path: string, html: string }[]} pages
 */
function packFile(pages) {
	const seen = new Map();
	for (const { html } of pages)
		for (const block of new Set(html.match(BLOCK) ?? [])) seen.set(block, (seen.get(block) ?? 0) + 1);
	/** @type {Buffer[]} */
	const pieces = [];
	let offset = 0;
	/** @param {string} text @returns {[number, number]} */
	const add = (text) => {
		const bytes = Buffer.from(text);
		pieces.push(bytes);
		return [offset, (offset += bytes.length)];
	};
	const shared = new Map([...seen].filter(([, count]) => count > 1).map(([block]) => [block, add(block)]));
	/** @type {Record<string, [number, number][]>} */
	const index = {};
	for (const { path, html } of pages) {
		const ranges = [];
		let last = 0;
		for (const match of html.matchAll(BLOCK)) {
			const range = shared.get(match[0]);
			if (!range) continue;
			if (match.index > last) ranges.push(add(html.slice(last, match.index)));
			ranges.push(range);
			last = match.index + match[0].length;
		}
		if (html.length > last) ranges.push(add(html.slice(last)));
		index[path] = ranges;
	}
	return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`), ...pieces]), { level: 9 });
}

/**
 * Prerendered learner pages under `dir` (SvelteKit's prerendered/pages), with their addresses.
 * @param {string} dir
 */
export function readPrerenderedPages(dir) {
	return readdirSync(dir, { recursive: true })
		.map((file) => String(file).split('\\').join('/'))
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file, path: file === 'index.html' ? '/' : `/${file.replace(/\.html$/, '')}` }))
		.filter(({ path }) => path !== APP_SHELL && LEARNER_PAGE.test(path))
		.sort((a, b) => a.path.localeCompare(b.path))
		.map(({ file, path }) => ({ path, html: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * The Vite plugin: once SvelteKit has prerendered the pages (in its server build's writeBundle), and
 * before the service worker is generated and the adapter copies the output (both in closeBundle),
 * writes the pack into the client output, where the worker's precache picks it up (vite.config.ts).
 * @returns {import('vite').Plugin}
 */
export function offlinePages() {
	let root = process.cwd();
	let ssr = false;
	return {
		name: 'alkham:offline-pages',
		apply: 'build',
		configResolved(config) {
			root = config.root;
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			order: 'pre',
			sequential: true,
			handler() {
				if (!ssr) return;
				const output = resolve(root, '.svelte-kit/output');
				const pages = readPrerenderedPages(join(output, 'prerendered/pages'));
				if (!pages.length) throw new Error('No prerendered learner pages to pack for offline use');
				const files = packPages(pages);
				const dir = join(output, 'client', OFFLINE_PAGES.slice(1));
				rmSync(dir, { recursive: true, force: true });
				mkdirSync(dir, { recursive: true });
				for (const { name, bytes } of files) writeFileSync(join(dir, name), bytes);
				const total = files.reduce((sum, { bytes }) => sum + bytes.length, 0);
				console.log(
					`Offline pages: ${pages.length} pages in ${files.length} files, ${(total / 1024).toFixed(1)} KB gzip`
				);
			}
		}
	};
}
