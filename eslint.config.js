import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib, bottom to top (docs/architecture.md): a folder imports only folders of the
 * layers below its own, never one above, so that folders cannot depend on each other in circles.
 * Within a layer a folder imports only those `SAME_LAYER_USES` names for it.
 */
const LAYERS = [
	['i18n', 'paraglide'], // languages, paths, date formats; paraglide is generated from messages/
	['content'], // the lesson format, its validation and localisation
	['learner'], // learner data on the device
	['components'], // shared UI pieces
	['a11y', 'simulations', 'classes', 'certificates', 'sync', 'pwa', 'player', 'profiles', 'narration'], // features
	['frame'] // the learner app's frame: header, footer, banners
];
const SAME_LAYER_USES = {
	i18n: ['paraglide'],
	sync: ['certificates', 'classes'],
	pwa: ['sync'],
	player: ['a11y', 'simulations'],
	profiles: ['a11y']
};
/** Server code lives apart: it may import any layer but the frame, and nothing outside it imports it. */
const SERVER = 'server';
/**
 * Test support (the device database and browser stand-ins for unit specs): above every layer, used
 * only by specs (`*.spec.ts`), never by code that ships.
 */
const TESTING = 'testing';
const SPECS = '**/*.spec.ts';
/** The folders of src/lib/server, layered the same way, bottom to top. */
const SERVER_LAYERS = [
	['db'],
	['issuer', 'http', 'content', 'testing'],
	['certificates', 'narration'],
	['teach']
];

const libFolders = readdirSync(new URL('./src/lib', import.meta.url), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);
const serverFolders = readdirSync(new URL('./src/lib/server', import.meta.url), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);
const unplaced = [
	...libFolders.filter((folder) => ![SERVER, TESTING].includes(folder) && !LAYERS.flat().includes(folder)),
	...serverFolders
		.filter((folder) => !SERVER_LAYERS.flat().includes(folder))
		.map((folder) => `server/${folder}`)
];
// A new folder must be given its place, or nothing would check what it imports.
if (unplaced.length)
	throw new Error(`eslint.config.js: give src/lib/${unplaced.join(', ')} a place in LAYERS or SERVER_LAYERS`);

// Folders of one layer that use each other would make a circle again.
const explored = new Set();
function follow(folder, path) {
	if (path.includes(folder))
		throw new Error(`eslint.config.js: SAME_LAYER_USES loops: ${[...path, folder].join(' → ')}`);
	if (explored.has(folder)) return;
	explored.add(folder);
	for (const next of SAME_LAYER_USES[folder] ?? []) follow(next, [...path, folder]);
}
for (const folder of Object.keys(SAME_LAYER_USES)) follow(folder, []);

/** The folders of src/lib that `folder` may not import. */
function forbiddenFor(folder) {
	const layer = LAYERS.findIndex((folders) => folders.includes(folder));
	const allowed = new Set([...LAYERS.slice(0, layer).flat(), folder, ...(SAME_LAYER_USES[folder] ?? [])]);
	return [...LAYERS.flat(), SERVER].filter((other) => !allowed.has(other));
}

/**
 * An import of one of `folders` of src/lib in any form: `$lib/x`, `$lib/x/…` or relative (`../x/…`,
 * `../../x/…`), as a regular expression's source. `/` is written `\x2F` so that the same source also
 * works inside a selector of no-restricted-syntax (which ends a regular expression at any `/`).
 */
const importOf = (folders) => `^(?:\\$lib\\x2F|(?:\\.\\.\\x2F)+)(?:${folders.join('|')})(?:\\x2F|$)`;
/** An import of one of `folders` of src/lib/server from another: `$lib/server/x/…` or `../x/…`. */
const serverImportOf = (folders) =>
	`^(?:\\$lib\\x2Fserver\\x2F|\\.\\.\\x2F)(?:${folders.join('|')})(?:\\x2F|$)`;
/** A relative import that climbs into src/routes. */
const ROUTES = '^(?:\\.\\.\\x2F)+routes(?:\\x2F|$)';

/**
 * Forbids imports matching each pattern ({ regex, message, allowTypeImports? }): static imports and
 * re-exports through @typescript-eslint/no-restricted-imports (which can let type-only imports
 * through), and dynamic `import()` through no-restricted-syntax, which the import rules do not see.
 * ESLint does not merge a rule's options across config objects: every file gets its patterns from
 * exactly one of them.
 */
function restrict(patterns) {
	return {
		'@typescript-eslint/no-restricted-imports': ['error', { patterns }],
		'no-restricted-syntax': [
			'error',
			...patterns.map(({ regex, message }) => ({
				selector: `ImportExpression[source.value=/${regex}/]`,
				message
			}))
		]
	};
}

const NO_ROUTES = { regex: ROUTES, message: 'src/lib never imports src/routes; routes import lib.' };
const NO_SERVER = {
	regex: importOf([SERVER]),
	message: 'Server code stays on the server: client code never imports src/lib/server.'
};

const NO_TESTING = {
	regex: importOf([TESTING]),
	message: 'src/lib/testing is for unit specs (*.spec.ts) only, never for code that ships.'
};

// Each folder's code may not import the layers above it; its specs may also use src/lib/testing.
const layerRules = LAYERS.flat()
	.filter((folder) => libFolders.includes(folder))
	.flatMap((folder) => {
		const above = forbiddenFor(folder).filter((other) => other !== SERVER);
		const layers = {
			regex: importOf(above),
			message: `src/lib/${folder} may import only the layers below it and the features it uses (docs/architecture.md; LAYERS in eslint.config.js).`
		};
		const patterns = [...(above.length ? [layers] : []), NO_SERVER, NO_ROUTES];
		return [
			{
				files: [`src/lib/${folder}/**/*.{ts,js,svelte}`],
				ignores: [SPECS],
				rules: restrict([...patterns, NO_TESTING])
			},
			{ files: [`src/lib/${folder}/${SPECS}`], rules: restrict(patterns) }
		];
	});

// Test support may use any layer, but not the app frame, server code or routes.
const testingRules = libFolders.includes(TESTING)
	? [
			{
				files: [`src/lib/${TESTING}/**/*.{ts,js,svelte}`],
				rules: restrict([
					{ regex: importOf(['frame']), message: 'Test support does not import the learner app frame.' },
					NO_SERVER,
					NO_ROUTES
				])
			}
		]
	: [];

const NO_FRAME = {
	regex: importOf(['frame']),
	message: 'Server code does not import the learner app frame.'
};
const serverRules = SERVER_LAYERS.flatMap((folders, layer) =>
	folders
		.filter((folder) => serverFolders.includes(folder))
		.map((folder) => {
			const above = SERVER_LAYERS.slice(layer)
				.flat()
				.filter((other) => other !== folder);
			return {
				files: [`src/lib/server/${folder}/**/*.{ts,js,svelte}`],
				rules: restrict([
					...(above.length
						? [
								{
									regex: serverImportOf(above),
									message: `src/lib/server/${folder} may import only the server folders below it (SERVER_LAYERS in eslint.config.js).`
								}
							]
						: []),
					NO_FRAME,
					NO_ROUTES
				])
			};
		})
);

/** The learner app's folders (but `except`): teacher pages and what every page shares never build learner state. */
const learnerApp = (except = []) => ({
	regex: importOf(
		[
			'frame',
			'learner',
			'profiles',
			'player',
			'pwa',
			'sync',
			'certificates',
			'a11y',
			'simulations',
			'narration'
		].filter((folder) => !except.includes(folder))
	),
	message: 'Only the learner pages (src/routes/[[lang=locale]]) use the learner app.'
});
const LEARNER_APP = learnerApp();
/** Route code that runs in the browser: SvelteKit refuses $lib/server there when building; lint says so at once. */
const BROWSER_NO_SERVER = { ...NO_SERVER, allowTypeImports: true };
const BROWSER_ROUTE_CODE = ['**/*.svelte', '**/+page.ts', '**/+layout.ts'];
// The teacher area and what every page shares (the root layout, the page for an address that
// matches no route) never build the learner app: only src/routes/[[lang=locale]] does.
const SHARED_OR_TEACHER = ['src/routes/teach/**', 'src/routes/+layout.svelte', 'src/routes/+error.svelte'];

const routeRules = [
	{
		files: BROWSER_ROUTE_CODE.map((glob) => `src/routes/${glob}`),
		ignores: SHARED_OR_TEACHER,
		rules: restrict([BROWSER_NO_SERVER])
	},
	{
		files: [...BROWSER_ROUTE_CODE.map((glob) => `src/routes/teach/${glob}`), 'src/routes/+layout.svelte'],
		rules: restrict([BROWSER_NO_SERVER, LEARNER_APP])
	},
	{
		// The page for an address that matches no route shows in the device's text size and contrast
		// (a11y's settings modules), still without any learner state.
		files: ['src/routes/+error.svelte'],
		rules: restrict([BROWSER_NO_SERVER, learnerApp(['a11y'])])
	},
	{
		files: ['src/routes/teach/**/*.{ts,js}'],
		ignores: BROWSER_ROUTE_CODE.map((glob) => `src/routes/teach/${glob}`),
		rules: restrict([LEARNER_APP])
	}
];

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/', 'data/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Internal links are built by $lib/i18n/paths (localizePath), which adds the language prefix;
			// the app is always served at the root (no paths.base), so resolve() would add nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	...layerRules,
	...testingRules,
	...serverRules,
	...routeRules
);
