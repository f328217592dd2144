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

/** SvelteKit's client entries: its runtime's start script and the generated app manifest. */
const KIT_ENTRIES = [
	/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/,
	/[\\/]generated[\\/]client-optimized[\\/]app\.js$/
];

/** The layouts and the error page every learner page renders. */
const FRAME_ROOTS = [
	/[\\/]src[\\/]routes[\\/]\+layout\.svelte$/,
	/[\\/]src[\\/]routes[\\/]\+error\.svelte$/,
	/[\\/]src[\\/]routes[\\/]\[\[lang=locale\]\][\\/]\+layout\.svelte$/
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

/** @returns {{ plugin: import('vite').Plugin, test: (id: string) => boolean }} */
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
			while (queue.length) {
				const id = /** @type {string} */ (queue.pop());
				if (frame.has(id)) continue;
				frame.add(id);
				if (isIndex(id)) continue;
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
			// The index modules themselves only re-export: leave them to the bundler.
			for (const id of [...frame]) if (isIndex(id)) frame.delete(id);
		}
	};
	// The bundler's own helpers (module interop), which the frame's code uses, go with it.
	return { plugin, test: (id) => frame.has(id) || /^\0?rolldown[:/]runtime/.test(id) };
}
