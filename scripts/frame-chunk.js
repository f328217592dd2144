// One chunk for the code every learner page runs when it starts: Svelte's runtime, SvelteKit's client,
// the root layout and error page, and the learner frame (src/routes/[[lang=locale]]/+layout.svelte)
// with everything it imports statically.
//
// Left to itself the bundler splits that code into twenty-odd small chunks, each with its own
// imports, exports and gzip framing, and each compressed without the words the others share: about
// 6 KB gzip of a first visit's ~60 KB was that overhead (docs/performance.md). Code a page or a
// feature loads on demand (the lesson player, "Who is learning?", Dexie, the service-worker
// registration) stays out, in chunks of its own.
//
// The plugin reads the module graph once the build has parsed it (buildEnd) and gives the bundler's
// chunking a `test` that captures those modules (vite.config.ts, build.rolldownOptions).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** SvelteKit's client entries: its runtime's start script and the generated app manifest. */
const APP_MANIFEST = /[\\/]generated[\\/]client-optimized[\\/]app\.js$/;
const KIT_ENTRIES = [/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/, APP_MANIFEST];

/**
 * The layouts and the error page every learner page renders, and small modules most pages use that the
 * frame also reaches through a lazy import (the icons, the live query of learner data, Paraglide's
 * plural rules): in a chunk of its own, such a module could be left out of a page's preloads (see
 * `manifestForKit` below; the budget check names any page that misses one).
 */
const FRAME_ROOTS = [
	/[\\/]src[\\/]routes[\\/]\+layout\.svelte$/,
	/[\\/]src[\\/]routes[\\/]\+error\.svelte$/,
	/[\\/]src[\\/]routes[\\/]\[\[lang=locale\]\][\\/]\+layout\.svelte$/,
	/[\\/]src[\\/]lib[\\/]components[\\/]icons[\\/](ArrowLeft|ArrowRight|Check|Cross|Star|Warning|Info)\.svelte$/,
	/[\\/]src[\\/]lib[\\/]learner[\\/]live\.svelte\.ts$/,
	/[\\/]src[\\/]lib[\\/]paraglide[\\/]registry\.js$/
];

// Paraglide's `m` re-exports every message of the app from one index module: following it would put
// all of them in the frame. The frame gets the messages its own code names (`m.skip_to_content`).
// (Svelte's runtime index is followed whole: the bundler keeps the runtime shared by every page in
// one place anyway, and leaving out what the frame does not name saved nothing.)
const MESSAGE_INDEX = /[\\/]src[\\/]lib[\\/]paraglide[\\/]messages(?:\.js|[\\/]_index\.js)$/;
const isIndex = (/** @type {string} */ id) => MESSAGE_INDEX.test(id);

/** Names a module takes from the message index: `m.name` and `import { name } from '…messages'`. */
function namesUsed(/** @type {string} */ code) {
	const names = new Set();
	for (const [, name] of code.matchAll(/\bm\.([A-Za-z_$][\w$]*)/g)) names.add(name);
	for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'][^"']*messages["']/g))
		for (const part of list.split(',')) names.add(part.trim().split(/\s+as\s+/)[0]);
	return names;
}

/** What an index module re-exports (`export * from './x.js'`): name → the module it comes from. */
function reExports(/** @type {string} */ code, /** @type {string[]} */ importedIds) {
	/** @type {Map<string, string>} */
	const from = new Map();
	for (const [, spec] of code.matchAll(/export\s*\*\s*from\s*["']\.\/(?:messages\/)?([^"']+)["']/g)) {
		const id = importedIds.find((i) => i.replaceAll('\\', '/').endsWith(`/${spec}`));
		if (id) from.set(spec.replace(/\.js$/, ''), id);
	}
	return from;
}

/**
 * SvelteKit lists the scripts a page must preload by walking the build manifest from the page's node,
 * and it leaves out a chunk it met first behind a lazy import, even when the page also imports that
 * chunk directly. Every page's walk passes the frame, whose lazy imports ("Who is learning?", the
 * comfort step, the idle lock…) reach chunks some pages import directly: those pages would fetch them
 * one round trip late (the budget check names any such page). The frame's lazy imports are code the
 * frame loads on demand, never on a page's first render, so the manifest SvelteKit reads does not list
 * them: the walk then meets each page's own chunks as imports. (SvelteKit also used them to inline the
 * styles of the lazily loaded parts in every page; those now load with their code.)
 * The client build writes the manifest before SvelteKit reads it.
 * @type {import('vite').Plugin}
 */
const manifestForKit = {
	name: 'alkham:frame-chunk-manifest',
	apply: 'build',
	writeBundle(options) {
		if (this.environment && this.environment.name !== 'client') return;
		const file = join(options.dir ?? '', '.vite', 'manifest.json');
		if (!existsSync(file)) return;
		/** @type {Record<string, { name?: string, dynamicImports?: string[] }>} */
		const manifest = JSON.parse(readFileSync(file, 'utf8'));
		const frame = Object.values(manifest).find((entry) => entry.name === 'frame');
		if (!frame?.dynamicImports) return;
		delete frame.dynamicImports;
		writeFileSync(file, JSON.stringify(manifest, null, 2));
	}
};

/** @returns {{ plugin: import('vite').Plugin[], test: (id: string) => boolean }} */
export function frameChunk() {
	/** @type {Set<string>} */
	let frame = new Set();
	/** @type {import('vite').Plugin} */
	const plugin = {
		name: 'alkham:frame-chunk',
		apply: 'build',
		buildStart() {
			frame = new Set();
		},
		buildEnd() {
			// Only the browser's build: the server's bundle is not downloaded.
			if (this.environment && this.environment.name !== 'client') return;
			const ids = [...this.getModuleIds()];
			/** @type {Map<string, Map<string, string>>} */
			const indexes = new Map();
			for (const id of ids.filter(isIndex)) {
				const info = this.getModuleInfo(id);
				if (info?.code) indexes.set(id, reExports(info.code, [...info.importedIds]));
			}
			// `$lib/paraglide/messages` re-exports the message index: look through it.
			for (const from of indexes.values())
				for (const [name, target] of [...from])
					if (indexes.has(target)) {
						from.delete(name);
						for (const [inner, module] of /** @type {Map<string, string>} */ (indexes.get(target)))
							from.set(inner, module);
					}
			const queue = ids.filter((id) => {
				// SvelteKit makes every page an entry too; only its start script and manifest count.
				if (this.getModuleInfo(id)?.isEntry && KIT_ENTRIES.some((entry) => entry.test(id))) return true;
				return FRAME_ROOTS.some((root) => root.test(id));
			});
			// The index modules only re-export: the bundler places what they lead to. The app manifest stays in
			// its own small entry, though its imports join the frame: it imports every page lazily, and SvelteKit,
			// listing what a page must preload, skips a chunk it first met behind a lazy import (every page's
			// own code, had the manifest been in the frame: the browser then fetched it after the page's node).
			const seen = new Set();
			while (queue.length) {
				const id = /** @type {string} */ (queue.pop());
				if (seen.has(id) || isIndex(id)) continue;
				seen.add(id);
				if (!APP_MANIFEST.test(id)) frame.add(id);
				const info = this.getModuleInfo(id);
				if (!info) continue;
				const used = info.importedIds.filter((i) => indexes.has(i));
				queue.push(...info.importedIds.filter((i) => !indexes.has(i)));
				if (used.length && info.code) {
					const names = namesUsed(info.code);
					for (const index of used)
						for (const [name, module] of /** @type {Map<string, string>} */ (indexes.get(index)))
							if (names.has(name)) queue.push(module);
				}
			}
		}
	};
	return { plugin: [plugin, manifestForKit], test: (id) => frame.has(id) };
}
