import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db';
import { certificates } from '$lib/server/db/schema';
import { courses } from '$lib/server/content/catalogue';
import { testDatabases, type TestDatabase } from '$lib/server/testing/test-databases';

// The routes open the server's database through this module; the tests hand them the test database.
let current: DatabaseHandle;
vi.mock('$lib/server/db/database.server', () => ({ database: async () => current }));

const ORIGIN = 'https://alkham.test';
const course = courses[0];

/** A request a device would send for the first course of the catalogue. */
function deviceRequest(overrides: Record<string, unknown> = {}) {
	const at = new Date().toISOString();
	return {
		learner: { id: crypto.randomUUID(), name: 'Болд' },
		courseId: course.id,
		completedAt: at,
		lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt: at })),
		locale: 'mn' as const,
		...overrides
	};
}

/** The route modules, loaded afresh with `env` (they read their configuration once, when loaded). */
async function routes(env: Record<string, string | undefined>) {
	vi.resetModules();
	vi.stubEnv('RATE_LIMIT_PER_MINUTE', '0');
	vi.stubEnv('CLASS_LOOKUP_PER_MINUTE', '0');
	vi.stubEnv('PUBLIC_BASE_URL', env.PUBLIC_BASE_URL);
	vi.stubEnv('ORIGIN', env.ORIGIN);
	return {
		issue: await import('./v1/certificates/+server')
	};
}

/** A request event as SvelteKit hands it to an endpoint, at `url` as the request wrote it. */
function event(url: string, init: RequestInit & { params?: Record<string, string>; routeId?: string } = {}) {
	const request = new Request(url, init);
	return {
		request,
		url: new URL(url),
		params: init.params ?? {},
		route: { id: init.routeId ?? new URL(url).pathname },
		getClientAddress: () => '192.0.2.7'
	} as never;
}

const post = (body: unknown, url = `${ORIGIN}/api/v1/certificates`, headers: Record<string, string> = {}) =>
	event(url, {
		method: 'POST',
		body: typeof body === 'string' ? body : JSON.stringify(body),
		headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers }
	});

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

describe.each(testDatabases())('the API routes on $name', ({ open }) => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await open();
		current = database;
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(() => database.reset());
	afterEach(() => vi.unstubAllEnvs());

	describe('issuing', () => {
		test("signs as the configured origin, never as the request's Host", async () => {
			for (const env of [{ PUBLIC_BASE_URL: ORIGIN, ORIGIN: 'http://localhost:3000' }, { ORIGIN }]) {
				const { issue } = await routes(env);
				const response = await issue.POST(
					post(deviceRequest({ locale: 'en' }), 'https://evil.example/api/v1/certificates', {
						host: 'evil.example',
						'x-forwarded-host': 'evil.example'
					})
				);
				expect(response.status).toBe(201);
				const body = await response.json();
				const claims = claimsOf(body.credential);
				expect(claims.iss).toBe(ORIGIN);
				expect(claims.vc.issuer).toMatchObject({ id: ORIGIN, url: ORIGIN });
				expect(claims.vc.credentialSubject.achievement.id).toMatch(/^https:\/\/alkham\.test\/achievements\//);
				expect(body.verifyUrl).toBe(`${ORIGIN}/en/verify/${body.id}`);
				expect(JSON.stringify(body)).not.toContain('evil.example');
			}
		});

		test('refuses to issue, with a 503, when no public origin is configured', async () => {
			const { issue } = await routes({});
			const response = await issue.POST(post(deviceRequest(), 'https://evil.example/api/v1/certificates'));
			expect(response.status).toBe(503);
			expect((await response.json()).error.code).toBe('issuer_not_configured');
			expect(await database.db.select().from(certificates)).toEqual([]);
		});
	});
});
