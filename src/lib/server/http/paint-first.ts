import { createHash } from 'node:crypto';

/**
 * A learner page paints its server HTML first and starts the app right after (docs/performance.md,
 * "Paint first"). SvelteKit's page asks for every script at once: `<link rel="modulepreload">` in the
 * head, and a start script at the end of the body that imports the app and hydrates the page. Where
 * the scripts arrive quickly (a phone on Wi-Fi, a page opened from the service worker's cache) the
 * browser downloaded, compiled and ran them, hydration included, before it painted anything: on a slow
 * CPU that held back the first paint by hundreds of milliseconds, although the page was readable in
 * its HTML all along. On a slow network those preloads also compete with the page's own HTML.
 *
 * This rewrites the page so that the start script waits for the first frame (a requestAnimationFrame,
 * then a task) and only then imports the app and adds the same preloads, one a task. A tab opened in the
 * background paints nothing until it is shown, so it starts at once, as before.
 *
 * The rewrite depends on the shape of SvelteKit's start script; a page it cannot read fails with an
 * error (at build time, when pages are prerendered) rather than shipping a page that never starts.
 */

/** The class on <html> once the app's code could not be loaded (see below). */
export const NO_APP = 'alkham-no-app';

/** The rewritten start script's list of preloads, written so that scripts/check-budget.js can read it back. */
export const PRELOADS_MARKER = 'const alkhamPreloads = ';

const PRELOAD_LINK = /<link href="([^"]+)" rel="modulepreload">[ \t]*\n?[ \t]*/g;
const START_SCRIPT = /<script( nonce="[^"]*")?>([^<]*?\bkit\.start\([^<]*)<\/script>/;
const BOOT = 'Promise.all([';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/** The page, its start script deferred to after the first paint; a page without SvelteKit's start script as it is. */
export function paintFirst(html: string, page = 'a page'): string {
	const start = START_SCRIPT.exec(html);
	if (!start) {
		if (html.includes('rel="modulepreload"'))
			throw new Error(`paintFirst: ${page} preloads scripts but has no start script it can read`);
		return html;
	}
	const [tag, nonce = '', code] = start;
	const bootAt = code.indexOf(BOOT);
	const bootEnd = code.lastIndexOf('});') + '});'.length;
	// The start script is one block: `{ …; const element = …; Promise.all([…]).then(…); }`. Anything
	// else after the boot (an eagerly loaded env, a service worker SvelteKit registers) is not this shape.
	if (bootAt < 0 || bootEnd <= bootAt || code.slice(bootEnd).trim() !== '}')
		throw new Error(`paintFirst: the start script of ${page} is not in the shape it knows`);

	// Should the app's code not arrive, <html> says so (`alkham-no-app`): what the page shows only until
	// the app takes over (the first frame's welcome, LearnerGate.svelte) gives way to the page itself.
	const boot =
		code.slice(bootAt, bootEnd - 1) + `.catch(() => document.documentElement.classList.add('${NO_APP}'));`;
	// The start script imports the start and app modules itself; the rest are preloaded.
	const imported = new Set([...boot.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]));
	const preloads = [...html.matchAll(PRELOAD_LINK)].map((m) => m[1]).filter((href) => !imported.has(href));
	// One preload a task: starting a request costs a slow phone's main thread a few milliseconds, and
	// eight at once made one long task right after the first paint.
	const deferred =
		`${PRELOADS_MARKER}${JSON.stringify(preloads)};\n` +
		`\t\t\t\t\tconst alkhamPreload = (at) => {\n` +
		`\t\t\t\t\t\tif (at >= alkhamPreloads.length) return;\n` +
		`\t\t\t\t\t\tconst link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: alkhamPreloads[at] });\n` +
		`\t\t\t\t\t\tdocument.head.append(link);\n` +
		`\t\t\t\t\t\tsetTimeout(() => alkhamPreload(at + 1));\n` +
		`\t\t\t\t\t};\n` +
		`\t\t\t\t\tconst alkhamStart = () => {\n` +
		`\t\t\t\t\t\t${boot}\n` +
		`\t\t\t\t\t\talkhamPreload(0);\n` +
		`\t\t\t\t\t};\n` +
		`\t\t\t\t\tif (document.visibilityState === 'hidden') alkhamStart();\n` +
		`\t\t\t\t\telse requestAnimationFrame(() => setTimeout(alkhamStart));`;
	const rewritten = code.slice(0, bootAt) + deferred + code.slice(bootEnd);

	let out = html.replace(PRELOAD_LINK, '').replace(tag, () => `<script${nonce}>${rewritten}</script>`);
	// A prerendered page allows its start script by hash (in its CSP <meta>); a server-rendered one by
	// nonce, which still holds.
	const oldHash = `'sha256-${sha256(code)}'`;
	if (out.includes(oldHash)) out = out.replace(oldHash, () => `'sha256-${sha256(rewritten)}'`);
	else if (!nonce && out.includes('http-equiv="content-security-policy"'))
		throw new Error(`paintFirst: the CSP of ${page} does not name its start script`);
	return out;
}
