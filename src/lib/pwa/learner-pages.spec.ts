import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LEARNER_PAGE, pageStillRuns } from './learner-pages.js';

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
