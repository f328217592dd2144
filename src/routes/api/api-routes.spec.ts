import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '$lib/server/db';
import { certificates } from '$lib/server/db/schema';
import { courses } from '$lib/server/content/catalogue';
import { issueCertificate } from '$lib/server/certificates/issue-certificate';
import { activeSigningKey } from '$lib/server/issuer/issuer-keys';
import { hostileDate, hostileName } from '$lib/server/testing/hostile-input';
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
		issue: await import('./v1/certificates/+server'),
		status: await import('./v1/certificates/[id]/+server'),
		classes: await import('./v1/classes/[code]/+server'),
		courses: await import('./v1/courses/+server'),
		jwks: await import('../.well-known/jwks.json/+server')
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

	describe('GET /api/v1/certificates/{id}', () => {
		/** A certificate as issued with `origin` as its issuer (a forged Host, before this was fixed). */
		async function issuedAs(origin: string) {
			const ctx = { db: database.db, key: await activeSigningKey(database.db), courses, origin };
			const outcome = await issueCertificate(ctx, crypto.randomUUID(), deviceRequest());
			if (outcome.status !== 201) throw new Error('not issued');
			return JSON.parse(outcome.body).id as string;
		}
		const get = async (status: Awaited<ReturnType<typeof routes>>['status'], id: string) => {
			const response = await status.GET(event(`${ORIGIN}/api/v1/certificates/${id}`, { params: { id } }));
			return { status: response.status, body: await response.json() };
		};

		test('says valid for a certificate this server issued, and revoked when revoked', async () => {
			const { status } = await routes({ ORIGIN });
			const id = await issuedAs(ORIGIN);
			expect(await get(status, id)).toEqual({
				status: 200,
				body: { id, status: 'valid', credential: expect.any(String) }
			});
			await database.db.update(certificates).set({ status: 'revoked' }).where(eq(certificates.id, id));
			expect((await get(status, id)).body.status).toBe('revoked');
		});

		test('says plainly that a certificate naming another issuer is not valid', async () => {
			const { status } = await routes({ ORIGIN });
			const id = await issuedAs('https://evil.example');
			const { body } = await get(status, id);
			expect(body).toMatchObject({
				id,
				status: 'invalid',
				problem: 'issuer_mismatch',
				issuer: 'https://evil.example'
			});
			expect(body.message).toBe(
				'This credential names https://evil.example as its issuer, not this server (https://alkham.test). Do not trust it.'
			);
		});

		test('says a credential whose signature does not match is not valid', async () => {
			const { status } = await routes({ ORIGIN });
			const id = await issuedAs(ORIGIN);
			const [row] = await database.db.select().from(certificates).where(eq(certificates.id, id));
			const [header, payload, signature] = row.credential.split('.');
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
			claims.vc.credentialSubject.identifier[0].identityHash = 'Someone else';
			const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
			await database.db.update(certificates).set({ credential: forged }).where(eq(certificates.id, id));
			expect((await get(status, id)).body).toMatchObject({ status: 'invalid', problem: 'bad_signature' });
		});

		test('answers 404 for an unknown id and 503 when no public origin is configured', async () => {
			const { status } = await routes({ ORIGIN });
			expect((await get(status, crypto.randomUUID())).body.error.code).toBe('not_found');
			const id = await issuedAs(ORIGIN);
			const unconfigured = await routes({});
			expect(await get(unconfigured.status, id)).toEqual({
				status: 503,
				body: { error: { code: 'issuer_not_configured', message: expect.any(String) } }
			});
		});
	});

	test('no endpoint under /api answers a 5xx, whatever the method, address or body', async () => {
		const modules = await routes({ ORIGIN });
		const endpoints = [
			{ path: '/api/v1/certificates', module: modules.issue },
			{ path: '/api/v1/certificates/[id]', module: modules.status },
			{ path: '/api/v1/classes/[code]', module: modules.classes },
			{ path: '/api/v1/courses', module: modules.courses },
			{ path: '/.well-known/jwks.json', module: modules.jwks }
		];
		const param = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.uuid(),
			fc.constantFrom(
				'\u0000',
				'%00',
				'..%2F..',
				'ABC234',
				'abc-234',
				"'; DROP TABLE classes; --",
				'Ж'.repeat(5000)
			)
		);
		const body = fc.oneof(
			fc.jsonValue().map((value) => JSON.stringify(value)),
			fc
				.tuple(hostileDate, hostileName)
				.map(([completedAt, name]) =>
					JSON.stringify(deviceRequest({ completedAt, learner: { id: crypto.randomUUID(), name } }))
				),
			hostileDate.map((completedAt) =>
				JSON.stringify(
					deviceRequest({ lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt })) })
				)
			)
		);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...endpoints), param, body, async ({ path, module }, value, text) => {
				const params = Object.fromEntries([...path.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name, value]));
				const url = `${ORIGIN}${path.replace(/\[\w+\]/g, encodeURIComponent(value))}`;
				for (const [method, handler] of Object.entries(module)) {
					if (!/^[A-Z]+$/.test(method) || typeof handler !== 'function') continue;
					const withBody = method !== 'GET' && method !== 'HEAD';
					const response: Response = await handler(
						event(url, {
							method,
							params,
							routeId: path,
							body: withBody ? text : undefined,
							headers: withBody
								? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }
								: {}
						})
					);
					expect(response.status, `${method} ${path} ${JSON.stringify(value)}`).toBeLessThan(500);
					expect(response.headers.get('content-type')).toMatch(/^application\/json/);
					if (response.status >= 400)
						expect((await response.json()).error).toEqual({
							code: expect.any(String),
							message: expect.any(String)
						});
				}
			}),
			{ numRuns: 120 }
		);
	});
});
