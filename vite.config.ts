import { existsSync } from 'node:fs';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { webManifest } from './src/lib/pwa/web-manifest.ts';
import { APP_SHELL, LEARNER_PAGE } from './src/lib/pwa/learner-pages.js';
import { readContentFiles, staticAssetExists } from './src/lib/content/content-files.ts';
import { buildCatalogue } from './src/lib/content/validate.ts';
import { simulationSchemas } from './src/lib/simulations/schemas.ts';
import { frameChunk } from './scripts/frame-chunk.js';
import { offlinePages } from './scripts/offline-pages.js';
import { OFFLINE_PAGES, openLearnerPage } from './src/lib/pwa/offline-pages.js';

const frame = frameChunk();

/** Fails the build, naming file and field, when any lesson is broken or a picture is missing. */
const validateContent: Plugin = {
	name: 'alkham:validate-content',
	apply: 'build',
	buildStart() {
		buildCatalogue(readContentFiles(), {
			simulations: simulationSchemas,
			assetExists: (path) => staticAssetExists(path)
		});
	}
};

/**
 * In the browser build, Paraglide's runtime is replaced by the little the browser needs
 * (src/lib/i18n/paraglide-browser-runtime.js says why); its unit test checks that it has every name the
 * app and the messages import. The server build, dev and tests keep Paraglide's runtime.
 */
const PARAGLIDE_RUNTIME = /[\\/]src[\\/]lib[\\/]paraglide[\\/]runtime\.js$/;
const paraglideBrowserRuntime: Plugin = {
	name: 'alkham:paraglide-browser-runtime',
	apply: 'build',
	enforce: 'pre',
	async resolveId(source, importer, options) {
		if (this.environment?.name !== 'client' || !/runtime(\.js)?$/.test(source)) return null;
		const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
		if (!resolved || !PARAGLIDE_RUNTIME.test(resolved.id)) return resolved;
		return this.resolve('/src/lib/i18n/paraglide-browser-runtime.js', importer, {
			...options,
			skipSelf: true
		});
	}
};

/**
 * Parts of a page rendered to HTML on the server only, with Svelte's server renderer: the static lesson
 * (src/lib/player/static-lesson-html.ts) and the settings page's preview and further settings
 * (src/lib/a11y/settings-parts-html.ts). The browser adopts that HTML as it is (ServerRendered.svelte,
 * Lesson.svelte) and gets each module's stand-in, `*-html.browser.ts`, in every build and in dev.
 */
const SERVER_HTML = /[\\/]src[\\/]lib[\\/].+-html\.ts$/;
const serverHtmlOnServer: Plugin = {
	name: 'alkham:server-html-on-server',
	enforce: 'pre',
	async resolveId(source, importer, options) {
		if (this.environment?.name !== 'client' || !/-html(\.ts)?$/.test(source)) return null;
		const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
		if (!resolved || !SERVER_HTML.test(resolved.id)) return resolved;
		const standIn = resolved.id.replace(/\.ts$/, '.browser.ts');
		if (!existsSync(standIn)) this.error(`${resolved.id} has no browser stand-in (${standIn})`);
		return { ...resolved, id: standIn };
	}
};

export default defineConfig({
	// The code every learner page starts with (Svelte, SvelteKit's client, the layouts, the learner frame,
	// the icons many pages share) in one chunk: scripts/frame-chunk.js says why and how it is found.
	build: {
		// `BUILD_SOURCEMAP=1 npm run build` for `npm run bench:trace` to name functions by source file.
		sourcemap: process.env.BUILD_SOURCEMAP === '1',
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{ name: 'frame', test: frame.test, priority: 1 },
						// The service-worker registration and workbox-window, which every learner page loads right
						// after hydration: one file rather than two.
						{ name: 'sw-register', test: /\/src\/lib\/pwa\/register\.ts$|\/workbox-window\// }
					]
				}
			}
		}
	},
	plugins: [
		validateContent,
		paraglideBrowserRuntime,
		serverHtmlOnServer,
		frame.plugin,
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
			// Explicit, so dev, test and production builds share one compiled output (toolchain note 4).
			outputStructure: 'message-modules'
		}),
		sveltekit(),
		offlinePages(),
		SvelteKitPWA({
			strategies: 'generateSW',
			// Registered by src/lib/pwa/register.ts so that updates wait for the learner's consent.
			injectRegister: false,
			registerType: 'prompt',
			manifest: webManifest,
			includeManifestIcons: true,
			workbox: {
				// Learner pages (LEARNER_PAGE) open from their own HTML, online or offline: the precache holds a
				// pack of every page's prerendered HTML (scripts/offline-pages.js, ~220 KB; the pages themselves
				// would put it over its 1.5 MB budget), and the page route below rebuilds a page from it. Should the
				// pack fail, the network, then one precached app shell, which renders the page of its address from
				// the precached code and __data.json. Server routes (/api, /verify, /teach) always go to the
				// network (toolchain note 7).
				navigateFallback: null,
				// Never skip waiting behind a learner's back; the update banner asks first.
				skipWaiting: false,
				// Only affects the very first install (no older worker to displace), so that the
				// first visit is already controlled and works offline without a reload.
				clientsClaim: true,
				cleanupOutdatedCaches: true,
				// SvelteKit adds ?x-sveltekit-invalidated=… (and, for the home page, x-sveltekit-trailing-slash)
				// to __data.json requests; the precached data files must still match offline.
				ignoreURLParametersMatching: [
					/^utm_/,
					/^fbclid$/,
					/^x-sveltekit-invalidated$/,
					/^x-sveltekit-trailing-slash$/
				],
				globPatterns: [
					'client/**/*.{js,css,svg,png,webmanifest,mp3,ogg,m4a}',
					'prerendered/**/*.json',
					`prerendered/pages${APP_SHELL}.html`,
					`client${OFFLINE_PAGES}/*.bin`
				],
				globIgnores: ['server/**', '**/*.gz', '**/*.br'],
				runtimeCaching: [
					{
						// A learner page loaded in the browser (the app renders the pages reached by its links
						// itself): its own HTML from the pack, online or not; else the network; else the app shell
						// (src/lib/pwa/offline-pages.js). Workbox writes these functions' source into the service
						// worker, where the imported names do not exist: they go in as literals.
						urlPattern: new Function(
							'{ request, url }',
							`return request.mode === 'navigate' && ${LEARNER_PAGE}.test(url.pathname + url.search);`
						) as (options: { request: Request; url: URL }) => boolean,
						handler: openLearnerPage
					},
					{
						// A certificate request that fails for lack of network is queued by the worker and replayed
						// when the connection returns, even with the app closed. Safe: each carries its Idempotency-Key,
						// and the app's own outbox still collects the (identical) response later.
						urlPattern: ({ url }) => url.pathname === '/api/v1/certificates',
						method: 'POST',
						handler: 'NetworkOnly',
						options: {
							backgroundSync: { name: 'alkham-certificates', options: { maxRetentionTime: 7 * 24 * 60 } }
						}
					}
				]
			}
		})
	],
	test: {
		expect: { requireAssertions: true },
		// Server tests start an embedded PostgreSQL per suite: allow for a busy machine.
		hookTimeout: 60_000,
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					// Every spec but the *.svelte.spec.ts ones (no `exclude` here: it would replace --exclude).
					include: ['src/**/!(*.svelte).spec.ts', 'scripts/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				// Specs of the state classes (*.svelte.ts) use runes themselves: compiled for the browser,
				// with Svelte's browser runtime, so that $effect and flushSync work (Node globals otherwise).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'svelte',
					include: ['src/**/*.svelte.spec.ts'],
					environment: './src/lib/testing/svelte-client-environment.ts'
				}
			}
		]
	}
});
