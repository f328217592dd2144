import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { APP_SHELL } from '../src/lib/pwa/learner-pages.js';
import { OFFLINE_PAGES, openLearnerPage, packFileOf } from '../src/lib/pwa/offline-pages.js';
import { packPages, readPrerenderedPages } from './offline-pages.js';

const STYLE = '<style>body{font:1.25rem/1.6 sans-serif}</style>';
const FIRST_FRAME = '<script>// Inlined in every learner page\nwindow.x = 1;</script>';
const page = (lang: string, title: string, own = '') =>
	`<!doctype html><html lang="${lang}"><head>${STYLE}${FIRST_FRAME}${own}</head><body><h1>${title}</h1><p>Алхам — ${title}</p></body></html>`;

const PAGES = [
	{ path: '/', html: page('mn', 'Нүүр', '<style>.home{}</style>') },
	{ path: '/glossary', html: page('mn', 'Нэр томьёо') },
	{ path: '/en', html: page('en', 'Home') },
	{ path: '/courses/meet-e-mongolia', html: page('mn', 'Танилцах') },
	{
		path: '/courses/meet-e-mongolia/official-site',
		html: page('mn', 'Албан ёсны сайт', '<script>1</script>')
	},
	{ path: '/en/courses/meet-e-mongolia/official-site', html: page('en', 'The official site') }
];

describe('the file of the pack that holds a page', () => {
	test.each([
		['/', 'mn-pages.bin'],
		['/glossary', 'mn-pages.bin'],
		['/certificates/view', 'mn-pages.bin'],
		['/en', 'en-pages.bin'],
		['/en/settings', 'en-pages.bin'],
		['/courses/meet-e-mongolia', 'mn-meet-e-mongolia.bin'],
		['/courses/meet-e-mongolia/official-site', 'mn-meet-e-mongolia.bin'],
		['/en/courses/meet-e-mongolia/official-site', 'en-meet-e-mongolia.bin']
	])('%s is in %s', (path, file) => {
		expect(packFileOf(path)).toBe(file);
	});
});

describe('a learner page opened by the worker', () => {
	const files = packPages(PAGES);
	const cached = new Map<string, () => Response>();
	const shellHeaders = {
		'content-type': 'text/html',
		'content-length': '1234',
		etag: '"abc"',
		'x-frame-options': 'DENY',
		'content-security-policy': "frame-ancestors 'none'"
	};
	const SHELL = '<!doctype html><title>app shell</title>';
	let online = false;
	const fetched: string[] = [];
	const deleted: string[] = [];
	const open = async (url: string) => {
		const response = await openLearnerPage({ request: new Request(`http://localhost${url}`) });
		return { text: await response.text(), headers: response.headers };
	};

	beforeEach(() => {
		online = false;
		fetched.length = 0;
		deleted.length = 0;
		cached.clear();
		for (const { name, bytes } of files)
			cached.set(`${OFFLINE_PAGES}/${name}`, () => new Response(new Uint8Array(bytes)));
		cached.set(APP_SHELL, () => new Response(SHELL, { headers: shellHeaders }));
		vi.stubGlobal('caches', {
			match: async (url: string, options?: { ignoreSearch?: boolean }) => {
				// Precached files are stored under their address and revision.
				expect(options?.ignoreSearch).toBe(true);
				return cached.get(url)?.();
			},
			delete: async (name: string) => {
				deleted.push(name);
				return true;
			}
		});
		vi.stubGlobal('fetch', async (request: Request) => {
			fetched.push(new URL(request.url).pathname);
			if (!online) throw new TypeError('Failed to fetch');
			return new Response('<!doctype html><h1>from the server</h1>');
		});
		delete (globalThis as { alkhamRetiredCache?: unknown }).alkhamRetiredCache;
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	test('a file per language and course, and one for the other pages of a language', () => {
		expect(files.map(({ name }) => name)).toEqual([
			'en-meet-e-mongolia.bin',
			'en-pages.bin',
			'mn-meet-e-mongolia.bin',
			'mn-pages.bin'
		]);
	});

	test.each(PAGES.map(({ path }) => path))('%s comes from the pack, byte for byte', async (path) => {
		expect((await open(path)).text).toBe(PAGES.find((p) => p.path === path)?.html);
	});

	test('online too, without asking the network', async () => {
		online = true;
		expect((await open('/en')).text).toBe(PAGES[2].html);
		expect(fetched).toEqual([]);
	});

	test('an address with a trailing slash or a query is the same page', async () => {
		expect((await open('/glossary/?from=home')).text).toBe(PAGES[1].html);
		expect((await open('/en/')).text).toBe(PAGES[2].html);
	});

	test('a repeated block is kept once in its file', () => {
		const inflated = gunzipSync(files.find(({ name }) => name === 'mn-pages.bin')!.bytes).toString();
		expect(inflated.split(STYLE)).toHaveLength(2);
		expect(inflated.split(FIRST_FRAME)).toHaveLength(2);
		expect(inflated).toContain('<style>.home{}</style>');
	});

	test("the page carries the app shell's security headers, as an HTML page of its own", async () => {
		const { headers } = await open('/en');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
		expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(headers.get('content-length')).toBeNull();
		expect(headers.get('etag')).toBeNull();
	});

	test('a page the pack does not hold: the network, and offline the app shell', async () => {
		online = true;
		expect((await open('/help')).text).toContain('from the server');
		expect(fetched).toEqual(['/help']);
		online = false;
		expect((await open('/courses/a-course-added-later')).text).toBe(SHELL);
	});

	test('a pack file missing or damaged: the network, and offline the app shell', async () => {
		cached.delete(`${OFFLINE_PAGES}/mn-pages.bin`);
		expect((await open('/glossary')).text).toBe(SHELL);
		cached.set(`${OFFLINE_PAGES}/mn-pages.bin`, () => new Response('not gzip'));
		expect((await open('/glossary')).text).toBe(SHELL);
		online = true;
		expect((await open('/glossary')).text).toContain('from the server');
	});

	test('offline with neither pack nor app shell: the failure of the network, as any website', async () => {
		cached.clear();
		await expect(openLearnerPage({ request: new Request('http://localhost/en') })).rejects.toThrow(
			'Failed to fetch'
		);
	});

	test('the cache of pages that versions before the pack kept is deleted, once', async () => {
		await open('/');
		await open('/en');
		expect(deleted).toEqual(['alkham-pages']);
	});
});

describe('the prerendered pages packed', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'alkham-pages-'));
		const write = (file: string, text = '<h1>x</h1>') => {
			mkdirSync(join(dir, file, '..'), { recursive: true });
			writeFileSync(join(dir, file), text);
		};
		for (const file of [
			'index.html',
			'en.html',
			'app-shell.html',
			'glossary.html',
			'courses/meet-e-mongolia.html',
			'en/courses/meet-e-mongolia/official-site.html',
			'verify.html',
			'courses/__data.json'
		])
			write(file);
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	test('every learner page with its address; not the app shell, not a server page', () => {
		expect(readPrerenderedPages(dir).map(({ path }) => path)).toEqual([
			'/',
			'/courses/meet-e-mongolia',
			'/en',
			'/en/courses/meet-e-mongolia/official-site',
			'/glossary'
		]);
	});
});
