import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LEARNER_PAGE, keptWithoutScriptPreloads, pageStillRuns } from './learner-pages.js';

describe('learner pages (answered from the cached app shell)', () => {
	test.each([
		'/',
		'/en',
		'/en/',
		'/courses/meet-e-mongolia',
		'/en/courses/meet-e-mongolia/official-site',
		'/courses/meet-e-mongolia/official-site?from=home',
		'/settings',
		'/en/help',
		'/device',
		'/profile',
		'/join?code=ABC123',
		'/glossary',
		'/en/certificates',
		'/certificates/view?id=5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2'
	])('%s is a learner page', (path) => {
		expect(LEARNER_PAGE.test(path)).toBe(true);
	});

	test.each([
		'/verify/5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2',
		'/en/verify/5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2',
		'/teach',
		'/teach/classes/new',
		'/api/v1/courses',
		'/.well-known/jwks.json',
		'/courses/a/b/c',
		'/app-shell',
		'/_app/version.json',
		'/manifest.webmanifest',
		'/courses/meet-e-mongolia/__data.json'
	])('%s goes to the network', (path) => {
		expect(LEARNER_PAGE.test(path)).toBe(false);
	});
});

describe('a cached page is used only while the code it names is cached', () => {
	const html = (start: string) =>
		new Response(
			`<!doctype html><link href="/_app/immutable/entry/${start}" rel="modulepreload"><h1>Home</h1>`
		);
	const cachedCode = new Set(['/_app/immutable/entry/start.Abc-1_2.js']);
	const use = pageStillRuns.cachedResponseWillBeUsed;

	beforeEach(() => {
		vi.stubGlobal('caches', {
			match: async (url: string) => (cachedCode.has(url) ? new Response('code') : undefined)
		});
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	test('a page of this version is used', async () => {
		const page = html('start.Abc-1_2.js');
		expect(await use({ cachedResponse: page })).toBe(page);
	});

	test('a page of an earlier version (its start script no longer cached) is not', async () => {
		expect(await use({ cachedResponse: html('start.Old99.js') })).toBeNull();
	});

	test('a cached response that is not an app page is not', async () => {
		expect(await use({ cachedResponse: new Response('<p>hello</p>') })).toBeNull();
		expect(await use({})).toBeNull();
	});
});

describe('the kept copy of a page has no script preloads', () => {
	const keep = keptWithoutScriptPreloads.cacheWillUpdate;
	const page = `<!doctype html><head>
		<link href="/_app/immutable/entry/start.Abc.js" rel="modulepreload">
		<link rel="modulepreload" href="/_app/immutable/chunks/X1.js">
		<link href="/_app/immutable/assets/frame.css" rel="stylesheet">
	</head><body><h1>Нүүр</h1><script>import("/_app/immutable/entry/start.Abc.js")</script></body>`;
	const response = (body: string, init: ResponseInit = {}) =>
		new Response(body, {
			status: 200,
			headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '999', 'x-kept': 'yes' },
			...init
		});

	test('drops every modulepreload and keeps the rest of the page and its headers', async () => {
		const kept = await keep({ response: response(page) });
		const html = await kept.text();
		expect(html).not.toContain('modulepreload');
		expect(html).toContain('<link href="/_app/immutable/assets/frame.css" rel="stylesheet">');
		expect(html).toContain('<h1>Нүүр</h1>');
		// The start script (what pageStillRuns checks) is still named by the page's own start script.
		expect(html).toContain('import("/_app/immutable/entry/start.Abc.js")');
		expect(kept.status).toBe(200);
		expect(kept.headers.get('x-kept')).toBe('yes');
		expect(kept.headers.get('content-length')).toBeNull();
	});

	test('leaves an answer that is not a page as it is', async () => {
		const json = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
		expect(await keep({ response: json })).toBe(json);
		const missing = response(page, { status: 404 });
		expect(await keep({ response: missing })).toBe(missing);
	});
});
