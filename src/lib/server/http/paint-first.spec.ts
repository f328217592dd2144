import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { NO_APP, paintFirst, PRELOADS_MARKER } from './paint-first';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// The shape SvelteKit 2 writes (render.js): preloads in the head, one start script at the end of the body.
const startScript = `
				{
					__sveltekit_abc = {
						base: ""
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("/_app/immutable/entry/start.A.js"),
						import("/_app/immutable/entry/app.B.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [null,{type:"data",data:{title:"Сайн байна уу"}}],
							form: null,
							error: null
						});
					});
				}
			`;

const page = (csp: string, nonce = '') => `<!doctype html>
<html lang="mn">
	<head>
		${csp}
		<link href="/_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="/_app/immutable/chunks/C.js" rel="modulepreload">
		<link href="/_app/immutable/entry/app.B.js" rel="modulepreload">
		<link href="/_app/immutable/assets/frame.css" rel="stylesheet" disabled media="(max-width: 0)">
	</head>
	<body>
		<div style="display: contents"><h1>Нүүр</h1>
			<script${nonce}>${startScript}</script>
		</div>
	</body>
</html>`;

const prerendered = page(
	`<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-first' ${sha256(startScript)}">`
);

/** The rewritten start script, run with a stand-in document: what it does on a visible and on a hidden tab. */
function run(html: string, visibilityState: 'visible' | 'hidden', loads = true) {
	const code = /<script[^>]*>([^<]*kit\.start[^<]*)<\/script>/.exec(html)![1];
	const log: string[] = [];
	const frames: (() => void)[] = [];
	const tasks: (() => void)[] = [];
	const document = {
		visibilityState,
		currentScript: { parentElement: 'root' },
		documentElement: { classList: { add: (name: string) => log.push(`class ${name}`) } },
		createElement: () => ({}),
		head: { append: (link: { rel: string; href: string }) => log.push(`${link.rel} ${link.href}`) }
	};
	const kit = { start: (_app: unknown, element: string) => log.push(`start in ${element}`) };
	runInNewContext(code.replace(/import\("([^"]+)"\)/g, 'load("$1")'), {
		document,
		requestAnimationFrame: (f: () => void) => frames.push(f),
		setTimeout: (f: () => void) => tasks.push(f),
		load: (url: string) => {
			log.push(`import ${url}`);
			if (!loads) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
			return Promise.resolve(url.includes('start') ? kit : {});
		},
		Promise
	});
	return { log, frames, tasks };
}

describe('paintFirst', () => {
	test('moves the script preloads into the start script and leaves the rest of the head', () => {
		const html = paintFirst(prerendered);
		expect(html).not.toContain('<link href="/_app/immutable/entry/start.A.js" rel="modulepreload">');
		expect(html).toContain('rel="stylesheet" disabled');
		// The start and app modules are imported by the start script itself.
		expect(html).toContain(`${PRELOADS_MARKER}["/_app/immutable/chunks/C.js"];`);
		expect(html).toContain('<h1>Нүүр</h1>');
	});

	test('starts the app only after the first frame, then preloads the other scripts one a task', async () => {
		const withMore = prerendered.replace(
			'<link href="/_app/immutable/entry/app.B.js" rel="modulepreload">',
			'<link href="/_app/immutable/entry/app.B.js" rel="modulepreload">\n<link href="/_app/immutable/nodes/0.D.js" rel="modulepreload">'
		);
		const { log, frames, tasks } = run(paintFirst(withMore), 'visible');
		expect(log).toEqual([]);
		frames.shift()!();
		expect(log).toEqual([]);
		tasks.shift()!();
		expect(log).toEqual([
			'import /_app/immutable/entry/start.A.js',
			'import /_app/immutable/entry/app.B.js',
			'modulepreload /_app/immutable/chunks/C.js'
		]);
		tasks.shift()!();
		expect(log.at(-1)).toBe('modulepreload /_app/immutable/nodes/0.D.js');
		tasks.shift()!();
		expect(tasks).toEqual([]);
		await new Promise((resolve) => setImmediate(resolve));
		expect(log.at(-1)).toBe('start in root');
		expect(log.filter((line) => line.startsWith('modulepreload'))).toHaveLength(2);
	});

	test('says so on <html> when the app cannot be loaded (the page then shows what works without it)', async () => {
		const { log } = run(paintFirst(prerendered), 'hidden', false);
		await new Promise((resolve) => setImmediate(resolve));
		expect(log).toContain(`class ${NO_APP}`);
		expect(log).not.toContain('start in root');
	});

	test('a tab opened in the background (which paints nothing) starts at once', async () => {
		const { log, frames } = run(paintFirst(prerendered), 'hidden');
		expect(frames).toEqual([]);
		await new Promise((resolve) => setImmediate(resolve));
		expect(log.at(-1)).toBe('start in root');
	});

	test("a prerendered page's CSP allows the rewritten script, and only it", () => {
		const html = paintFirst(prerendered);
		const code = /<script>([^<]*kit\.start[^<]*)<\/script>/.exec(html)![1];
		expect(html).toContain(sha256(code));
		expect(html).not.toContain(sha256(startScript));
		expect(html).toContain("'sha256-first'");
	});

	test('a server-rendered page keeps its nonce', () => {
		const html = paintFirst(page('', ' nonce="n0nce"'));
		expect(html).toMatch(/<script nonce="n0nce">[^<]*alkhamStart/);
	});

	test('a page without a start script (JavaScript off by design) is left as it is', () => {
		const html = '<!doctype html><html><head></head><body><h1>Teacher</h1></body></html>';
		expect(paintFirst(html)).toBe(html);
	});

	test('a start script of another shape fails loudly, naming the page', () => {
		const changed = prerendered.replace('Promise.all([', 'Promise.allSettled([');
		expect(() => paintFirst(changed, '/glossary')).toThrow(/\/glossary/);
		const extra = prerendered.replace(
			/\}\);\n(\t+)\}\n/,
			"});\n$1navigator.serviceWorker.register('/sw.js');\n$1}\n"
		);
		expect(() => paintFirst(extra, '/en')).toThrow(/\/en.*shape/);
		const preloadsOnly = '<head><link href="/a.js" rel="modulepreload"></head><body></body>';
		expect(() => paintFirst(preloadsOnly, '/x')).toThrow(/\/x/);
	});

	test('a prerendered page whose CSP does not name the start script fails loudly', () => {
		const wrong = page(
			`<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-other'">`
		);
		expect(() => paintFirst(wrong, '/help')).toThrow(/CSP of \/help/);
	});
});
