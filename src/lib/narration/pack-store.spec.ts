import { describe, expect, it } from 'vitest';
import { FakeCacheStorage } from '$lib/testing/fake-caches';
import { manifestKey, manifestUrl, parseManifest, type PackFile } from './manifest';
import { CACHE_NAME, createPackStore, NarrationError, type DownloadProgress } from './pack-store';

const COURSE = 'meet-e-mongolia';
const MANIFEST = manifestUrl(COURSE, 'mn');

const file = (lessonId: string, step: number, id: string, bytes = 4): PackFile => ({
	lessonId,
	step,
	url: `/api/v1/narration/audio/${id}`,
	type: 'audio/webm',
	bytes,
	durationMs: 1000
});

const manifestOf = (files: PackFile[], courseId = COURSE, locale = 'mn') => ({
	courseId,
	locale,
	files,
	bytes: files.reduce((sum, f) => sum + f.bytes, 0)
});

/** A stand-in for the server: path → response maker; counts the requests per path. */
function fakeServer(routes: Record<string, () => Response | Promise<Response>>) {
	const requests: string[] = [];
	const fetch = async (input: RequestInfo | URL) => {
		const path = String(input);
		requests.push(path);
		const route = routes[path];
		return route ? route() : new Response('not found', { status: 404 });
	};
	return { fetch: fetch as typeof globalThis.fetch, requests, routes };
}

const json = (value: unknown) => () =>
	new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
const audio = (text: string) => () => new Response(text, { headers: { 'Content-Type': 'audio/webm' } });

function setup(routes: Record<string, () => Response | Promise<Response>>) {
	const caches = new FakeCacheStorage();
	const server = fakeServer(routes);
	const blobs = new Map<string, Blob>();
	const store = createPackStore({
		fetch: server.fetch,
		caches: caches as unknown as CacheStorage,
		createObjectURL: (blob) => {
			const url = `blob:device/${blobs.size + 1}`;
			blobs.set(url, blob);
			return url;
		}
	});
	return { caches, server, store, blobs };
}

const twoFiles = [file('what-is-e-mongolia', 0, 'a1'), file('what-is-e-mongolia', 2, 'b2', 6)];
const twoFileRoutes = () => ({
	[MANIFEST]: json(manifestOf(twoFiles)),
	'/api/v1/narration/audio/a1': audio('AAAA'),
	'/api/v1/narration/audio/b2': audio('BBBBBB')
});

async function expectKind(promise: Promise<unknown>, kind: string) {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(NarrationError);
	expect((error as NarrationError).kind).toBe(kind);
}

describe('manifests', () => {
	it('keeps only well-formed files of the server and sums their sizes', () => {
		const parsed = parseManifest(
			manifestOf([
				file('l', 0, 'ok', 10),
				{ ...file('l', 1, 'x'), url: 'https://elsewhere.example/a.webm' },
				{ ...file('l', -1, 'neg') },
				{ ...file('l', 2, 'y'), bytes: Number.NaN }
			]),
			COURSE,
			'mn'
		);
		expect(parsed?.files.map((f) => f.url)).toEqual(['/api/v1/narration/audio/ok']);
		expect(parsed?.bytes).toBe(10);
		expect(parseManifest(manifestOf([]), COURSE, 'en')).toBeUndefined();
		expect(parseManifest('nonsense', COURSE, 'mn')).toBeUndefined();
	});

	it('knows a manifest address from an audio address', () => {
		expect(manifestKey(`http://device.test${MANIFEST}`)).toEqual({ courseId: COURSE, locale: 'mn' });
		expect(manifestKey('http://device.test/api/v1/narration/audio/a1')).toBeUndefined();
		expect(manifestKey('http://device.test/api/v1/narration/x/fr')).toBeUndefined();
	});
});

describe('fetching a manifest', () => {
	it('reads the manifest of the course in the language', async () => {
		const { store } = setup(twoFileRoutes());
		const manifest = await store.fetchManifest(COURSE, 'mn');
		expect(manifest?.bytes).toBe(10);
		expect(manifest?.files).toHaveLength(2);
	});

	it('is undefined for a course the server does not know, and names other failures', async () => {
		const { store, server } = setup({});
		expect(await store.fetchManifest(COURSE, 'mn')).toBeUndefined();
		server.routes[MANIFEST] = () => new Response('oops', { status: 503 });
		await expectKind(store.fetchManifest(COURSE, 'mn'), 'server');
		server.routes[MANIFEST] = () => new Response('<html>', { status: 200 });
		await expectKind(store.fetchManifest(COURSE, 'mn'), 'server');
		server.routes[MANIFEST] = () => Promise.reject(new TypeError('Failed to fetch'));
		await expectKind(store.fetchManifest(COURSE, 'mn'), 'offline');
	});
});

describe('downloading a pack', () => {
	it('stores every file and then the manifest, reporting progress', async () => {
		const { store, caches } = setup(twoFileRoutes());
		const progress: DownloadProgress[] = [];
		expect(
			await store.download(COURSE, 'mn', { title: 'Танилцах', onprogress: (p) => progress.push(p) })
		).toBe(true);
		expect(caches.paths(CACHE_NAME)).toEqual([
			'/api/v1/narration/audio/a1',
			'/api/v1/narration/audio/b2',
			MANIFEST
		]);
		expect(progress.map((p) => `${p.files}/${p.totalFiles} ${p.bytes}/${p.totalBytes}`)).toEqual([
			'0/2 0/10',
			'1/2 4/10',
			'2/2 10/10'
		]);
		expect(await store.pack(COURSE, 'mn')).toEqual({
			courseId: COURSE,
			locale: 'mn',
			title: 'Танилцах',
			bytes: 10,
			files: 2
		});
		expect(await store.pack(COURSE, 'en')).toBeUndefined();
	});

	it('downloads nothing when no narration is published in the language', async () => {
		const { store, caches } = setup({ [MANIFEST]: json(manifestOf([])) });
		expect(await store.download(COURSE, 'mn')).toBe(false);
		expect(caches.paths(CACHE_NAME)).toEqual([]);
	});

	it('leaves no half pack when a file fails midway', async () => {
		const { store, caches } = setup({
			...twoFileRoutes(),
			'/api/v1/narration/audio/b2': () => new Response('', { status: 500 })
		});
		await expectKind(store.download(COURSE, 'mn'), 'server');
		expect(caches.paths(CACHE_NAME)).toEqual([]);
		expect(await store.pack(COURSE, 'mn')).toBeUndefined();
		expect(await store.list()).toEqual([]);
	});

	it('says the connection was lost when it was, and keeps nothing', async () => {
		const { store, caches } = setup({
			...twoFileRoutes(),
			'/api/v1/narration/audio/b2': () => Promise.reject(new TypeError('Failed to fetch'))
		});
		await expectKind(store.download(COURSE, 'mn'), 'offline');
		expect(caches.paths(CACHE_NAME)).toEqual([]);
	});

	it('says the storage is full when the device refuses to keep it, and keeps nothing', async () => {
		const { store, caches } = setup(twoFileRoutes());
		caches.quota = 6;
		await expectKind(store.download(COURSE, 'mn'), 'storage-full');
		expect(caches.paths(CACHE_NAME)).toEqual([]);
	});

	it('says so when the browser has no Cache Storage', async () => {
		const store = createPackStore({
			fetch: fakeServer(twoFileRoutes()).fetch,
			caches: undefined,
			createObjectURL: () => ''
		});
		await expectKind(store.download(COURSE, 'mn'), 'unavailable');
		expect(await store.list()).toEqual([]);
		expect(await store.narrationUrl(COURSE, 'what-is-e-mongolia', 0, 'mn')).toBeUndefined();
	});
});

describe('downloaded packs', () => {
	it('lists packs with their sizes and removes one without touching another', async () => {
		const enFile = file('what-is-e-mongolia', 0, 'e1', 3);
		const { store, caches } = setup({
			...twoFileRoutes(),
			[manifestUrl(COURSE, 'en')]: json(manifestOf([enFile], COURSE, 'en')),
			'/api/v1/narration/audio/e1': audio('EEE')
		});
		await store.download(COURSE, 'mn', { title: 'Танилцах' });
		await store.download(COURSE, 'en', { title: 'Meet' });
		expect((await store.list()).map((p) => [p.title, p.locale, p.bytes])).toEqual([
			['Meet', 'en', 3],
			['Танилцах', 'mn', 10]
		]);
		await store.remove(COURSE, 'mn');
		expect(caches.paths(CACHE_NAME)).toEqual(['/api/v1/narration/audio/e1', manifestUrl(COURSE, 'en')]);
		expect((await store.list()).map((p) => p.locale)).toEqual(['en']);
	});

	it('gives a playable address for a step from the cache, with no network', async () => {
		const { store, server, blobs } = setup(twoFileRoutes());
		await store.download(COURSE, 'mn');
		server.routes[MANIFEST] = () => Promise.reject(new TypeError('offline'));
		const before = server.requests.length;
		const url = await store.narrationUrl(COURSE, 'what-is-e-mongolia', 2, 'mn');
		expect(url).toBeDefined();
		const blob = blobs.get(url!)!;
		expect(await blob.text()).toBe('BBBBBB');
		expect(blob.type).toBe('audio/webm');
		expect(server.requests.length).toBe(before);
		expect(await store.narrationUrl(COURSE, 'what-is-e-mongolia', 1, 'mn')).toBeUndefined();
		expect(await store.narrationUrl(COURSE, 'what-is-e-mongolia', 2, 'en')).toBeUndefined();
	});

	it('has nothing to play before any pack was downloaded, and creates no cache to say so', async () => {
		const { store, caches } = setup(twoFileRoutes());
		expect(await store.narrationUrl(COURSE, 'what-is-e-mongolia', 0, 'mn')).toBeUndefined();
		expect(await store.list()).toEqual([]);
		expect(await caches.has(CACHE_NAME)).toBe(false);
	});
});

describe('refreshing downloaded packs', () => {
	it('fetches new recordings only and deletes files no longer listed', async () => {
		const { store, caches, server } = setup(twoFileRoutes());
		await store.download(COURSE, 'mn', { title: 'Танилцах' });
		const replaced = file('what-is-e-mongolia', 2, 'c3', 5);
		server.routes[MANIFEST] = json(manifestOf([twoFiles[0], replaced]));
		server.routes['/api/v1/narration/audio/c3'] = audio('CCCCC');
		server.requests.length = 0;
		expect(await store.refresh()).toEqual({ refreshed: 1, removed: 0, failed: 0 });
		expect(server.requests).toEqual([MANIFEST, '/api/v1/narration/audio/c3']);
		expect(caches.paths(CACHE_NAME)).toEqual([
			'/api/v1/narration/audio/a1',
			'/api/v1/narration/audio/c3',
			MANIFEST
		]);
		expect(await store.pack(COURSE, 'mn')).toMatchObject({ title: 'Танилцах', bytes: 9, files: 2 });
	});

	it('keeps a pack as it was when the server cannot be reached or a new file fails', async () => {
		const { store, caches, server } = setup(twoFileRoutes());
		await store.download(COURSE, 'mn');
		const before = caches.paths(CACHE_NAME);
		server.routes[MANIFEST] = () => Promise.reject(new TypeError('offline'));
		expect(await store.refresh()).toEqual({ refreshed: 0, removed: 0, failed: 1 });
		server.routes[MANIFEST] = json(manifestOf([twoFiles[0], file('what-is-e-mongolia', 2, 'd4')]));
		server.routes['/api/v1/narration/audio/d4'] = () => new Response('', { status: 502 });
		expect(await store.refresh()).toEqual({ refreshed: 0, removed: 0, failed: 1 });
		expect(caches.paths(CACHE_NAME)).toEqual(before);
		expect(await store.pack(COURSE, 'mn')).toMatchObject({ bytes: 10, files: 2 });
	});

	it('removes a pack whose course is gone or has no narration left', async () => {
		const { store, caches, server } = setup(twoFileRoutes());
		await store.download(COURSE, 'mn');
		server.routes[MANIFEST] = json(manifestOf([]));
		expect(await store.refresh()).toEqual({ refreshed: 0, removed: 1, failed: 0 });
		expect(caches.paths(CACHE_NAME)).toEqual([]);
	});
});
