import { afterEach, describe, expect, test, vi } from 'vitest';
import { apiErrors, apiRoute, isApiPath } from './api-errors';
import { jsonError } from './json-error';

/** Runs the hook for a request whose answer (before the hook) is `answer`. */
function answer(path: string, method: string, response: Response) {
	const url = new URL(path, 'https://alkham.test');
	return apiErrors({
		event: { url, request: new Request(url, { method }) } as never,
		resolve: async () => response
	});
}

async function expectApiError(response: Response, status: number, code: string) {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/json');
	const body = await response.json();
	expect(body).toEqual({ error: { code, message: expect.any(String) } });
}

describe('errors under /api', () => {
	test('are JSON when SvelteKit answers by itself: no endpoint is a 404', async () => {
		const page = new Response('<!doctype html><h1>Not found</h1>', {
			status: 404,
			headers: { 'content-type': 'text/html' }
		});
		await expectApiError(await answer('/api/nope', 'GET', page), 404, 'not_found');
		await expectApiError(
			await answer('/api', 'POST', Response.json({ message: 'Not Found' }, { status: 404 })),
			404,
			'not_found'
		);
	});

	test('a method the endpoint lacks is a 405 that keeps Allow', async () => {
		const kit = new Response('DELETE method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
		const response = await answer('/api/v1/courses', 'DELETE', kit);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
		await expectApiError(response, 405, 'method_not_allowed');
	});

	test('an unexpected error page is a JSON 500', async () => {
		const kit = Response.json({ message: 'Internal Error' }, { status: 500 });
		await expectApiError(await answer('/api/v1/classes/X', 'GET', kit), 500, 'internal_error');
	});

	test("the routes' own answers pass unchanged, and addresses outside /api are left alone", async () => {
		const own = jsonError(429, 'rate_limited', 'Wait.', { 'retry-after': '3' });
		expect(await answer('/api/v1/classes/X', 'GET', own)).toBe(own);
		const ok = Response.json([]);
		expect(await answer('/api/v1/courses', 'GET', ok)).toBe(ok);
		const page = new Response('<h1>Not found</h1>', {
			status: 404,
			headers: { 'content-type': 'text/html' }
		});
		expect(await answer('/apix', 'GET', page)).toBe(page);
		expect(isApiPath('/api')).toBe(true);
		expect(isApiPath('/api/')).toBe(true);
		expect(isApiPath('/apis')).toBe(false);
		expect(isApiPath('/en/api/v1')).toBe(false);
	});
});

describe('an API route', () => {
	afterEach(() => vi.restoreAllMocks());
	const event = { request: new Request('https://alkham.test/api/v1/x/1'), route: { id: '/api/v1/x/[id]' } };

	test('answers a database error that reveals bad input with a 4xx', async () => {
		const handler = apiRoute(async () => {
			throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
		});
		await expectApiError(await handler(event as never), 400, 'invalid_body');
	});

	test('answers any other failure with a JSON 500, logged once with the route', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const handler = apiRoute(async () => {
			throw new Error('database gone');
		});
		await expectApiError(await handler(event as never), 500, 'internal_error');
		expect(log).toHaveBeenCalledOnce();
		expect(log.mock.calls[0][0]).toMatch(/^GET \/api\/v1\/x\/\[id\] failed: Error: database gone/);
	});
});
