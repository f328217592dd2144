import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { certificates, idempotencyKeys } from '../db/schema';
import { RateLimiter } from '../http/rate-limit';
import { acceptedDate, hostileDate, hostileName } from '../testing/hostile-input';
import { certificateRequest, testCourse, testDatabases, type TestDatabase } from '../testing/test-databases';
import { CLOCK_SKEW_MS, COURSES_FIRST_PUBLISHED } from './issue-certificate';
import { createCertificateHandler } from './post-certificate';
import { timestampMs } from './request';

const ORIGIN = 'https://alkham.test';
const URL_ = `${ORIGIN}/api/v1/certificates`;

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
	return new Request(URL_, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers }
	});
}

describe.each(testDatabases())('POST /api/v1/certificates on $name', ({ open }) => {
	let database: TestDatabase;
	let handle: ReturnType<typeof createCertificateHandler>;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(async () => {
		await database.reset();
		handle = createCertificateHandler({
			db: async () => database.db,
			courses: [testCourse],
			limiter: new RateLimiter(0)
		});
	});

	const rows = async () =>
		(await database.db.select({ n: count() }).from(certificates))[0].n +
		(await database.db.select({ n: count() }).from(idempotencyKeys))[0].n;

	async function expectError(response: Response, status: number, code: string) {
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toMatch(/application\/json/);
		const body = await response.json();
		expect(body.error.code).toBe(code);
		expect(typeof body.error.message).toBe('string');
		expect(await rows()).toBe(0);
	}

	test('answers 201 with the id, credential and verify URL', async () => {
		const response = await handle(
			post(JSON.stringify(certificateRequest({ locale: 'en' }))),
			'1.1.1.1',
			ORIGIN
		);
		expect(response.status).toBe(201);
		const body = await response.json();
		expect(Object.keys(body).sort()).toEqual(['credential', 'id', 'verifyUrl']);
		expect(body.verifyUrl).toBe(`${ORIGIN}/en/verify/${body.id}`);
	});

	test('replays the identical response byte for byte', async () => {
		const key = crypto.randomUUID();
		const body = JSON.stringify(certificateRequest());
		const first = await (await handle(post(body, { 'idempotency-key': key }), 'a', ORIGIN)).text();
		// Same request with keys in another order is the same request.
		const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(body)).reverse()));
		const again = await handle(post(reordered, { 'idempotency-key': key }), 'a', ORIGIN);
		expect(again.status).toBe(201);
		expect(await again.text()).toBe(first);
	});

	test('answers 409 for the same key with another body', async () => {
		const key = crypto.randomUUID();
		await handle(post(JSON.stringify(certificateRequest()), { 'idempotency-key': key }), 'a', ORIGIN);
		const response = await handle(
			post(JSON.stringify(certificateRequest()), { 'idempotency-key': key }),
			'a',
			ORIGIN
		);
		expect(response.status).toBe(409);
		expect((await response.json()).error.code).toBe('idempotency_key_reused');
	});

	test('answers 415 when the body is not JSON', async () => {
		await expectError(
			await handle(post('learner=x', { 'content-type': 'application/x-www-form-urlencoded' }), 'a', ORIGIN),
			415,
			'unsupported_media_type'
		);
	});

	test('answers 400 without a valid Idempotency-Key', async () => {
		await expectError(
			await handle(post(JSON.stringify(certificateRequest()), { 'idempotency-key': 'abc' }), 'a', ORIGIN),
			400,
			'invalid_idempotency_key'
		);
	});

	test('answers 413 for a body over 64 KB, declared or not', async () => {
		const big = JSON.stringify(
			certificateRequest({ learner: { id: crypto.randomUUID(), name: 'x'.repeat(70_000) } })
		);
		await expectError(await handle(post(big), 'a', ORIGIN), 413, 'body_too_large');
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(4096)));
				controller.close();
			}
		});
		const undeclared = new Request(URL_, {
			method: 'POST',
			body: stream,
			headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
			duplex: 'half'
		} as RequestInit);
		await expectError(await handle(undeclared, 'a', ORIGIN), 413, 'body_too_large');
	});

	test('answers 400 for malformed JSON and for an invalid body', async () => {
		await expectError(await handle(post('{"learner":'), 'a', ORIGIN), 400, 'invalid_json');
		await expectError(
			await handle(post(JSON.stringify(certificateRequest({ locale: 'fr' }))), 'a', ORIGIN),
			400,
			'invalid_body'
		);
	});

	test('answers 422 for an unknown course', async () => {
		await expectError(
			await handle(post(JSON.stringify(certificateRequest({ courseId: 'nope' }))), 'a', ORIGIN),
			422,
			'inconsistent_data'
		);
	});

	test('answers 429 with Retry-After when one address sends too much', async () => {
		const limited = createCertificateHandler({
			db: async () => database.db,
			courses: [testCourse],
			limiter: new RateLimiter(1, 1)
		});
		await limited(post('{}'), 'flooder', ORIGIN);
		const response = await limited(post(JSON.stringify(certificateRequest())), 'flooder', ORIGIN);
		await expectError(response, 429, 'rate_limited');
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	test('answers 503 and stores nothing when no public origin is configured', async () => {
		await expectError(
			await handle(post(JSON.stringify(certificateRequest())), 'a', undefined),
			503,
			'issuer_not_configured'
		);
	});

	test.each([
		['an impossible day', '2026-02-30T10:00:00Z'],
		// V8 reads it as 1 December, a date the server would accept: PostgreSQL then refused it (a 500).
		['31 November', '2026-11-31T10:00:00Z'],
		['the year 0', '0000-01-01T00:00:00Z'],
		['the year 10000', '10000-01-01T00:00:00Z'],
		['a six-digit year', '+010000-01-01T00:00:00.000Z'],
		['hour 24', '2026-11-24T24:00:00Z']
	])('answers 400 for %s, in the body or in any lesson', async (_, date) => {
		const lessons = certificateRequest().lessons;
		for (const body of [
			certificateRequest({ completedAt: date }),
			certificateRequest({ lessons: [{ ...lessons[0], completedAt: date }, lessons[1]] })
		]) {
			const response = await handle(post(JSON.stringify(body)), 'a', ORIGIN);
			await expectError(response.clone(), 400, 'invalid_body');
			expect((await response.json()).error.message).toMatch(/completedAt: must be/);
		}
	});

	test.each([
		['before the courses existed', '2026-11-23T23:59:59Z', 'completed_before_courses'],
		['in 1970', '1970-01-01T00:00:00Z', 'completed_before_courses'],
		['in the year 1', '0001-01-01T00:00:00Z', 'completed_before_courses'],
		[
			'beyond the clock skew',
			() => new Date(Date.now() + CLOCK_SKEW_MS + 60_000).toISOString(),
			'completed_in_future'
		],
		['in the year 9999', '9999-12-31T23:59:59Z', 'completed_in_future']
	])('answers 422 for a date %s, in the body or in any lesson', async (_, date, code) => {
		const at = typeof date === 'function' ? date() : date;
		const lessons = certificateRequest().lessons;
		for (const body of [
			certificateRequest({ completedAt: at }),
			certificateRequest({ lessons: [lessons[0], { ...lessons[1], completedAt: at }] })
		])
			await expectError(await handle(post(JSON.stringify(body)), 'a', ORIGIN), 422, code);
	});

	describe('when the database refuses', () => {
		/** The test database, but every statement that issues a certificate fails with `error`. */
		function refusing(error: Error): Database {
			const client = (database.db as unknown as { $client: object }).$client;
			const failing = new Proxy(client, {
				get: (target, name) => {
					if (name === 'query') return () => Promise.reject(error);
					const value = Reflect.get(target, name);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			});
			return new Proxy(database.db, {
				get: (target, name) => {
					if (name === '$client') return failing;
					const value = Reflect.get(target, name);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			});
		}
		const issueWith = (error: Error) =>
			createCertificateHandler({
				db: async () => refusing(error),
				courses: [testCourse],
				limiter: new RateLimiter(0)
			})(
				post(JSON.stringify(certificateRequest({ learner: { id: crypto.randomUUID(), name: 'Сарнай' } }))),
				'a',
				ORIGIN
			);
		const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
		afterEach(() => vi.restoreAllMocks());

		test('a data exception (SQLSTATE class 22) is the request’s fault: 400', async () => {
			await expectError(
				await issueWith(pgError('22008', 'date/time field value out of range: "2026-02-30T10:00:00Z"')),
				400,
				'invalid_body'
			);
		});

		test('an integrity violation (SQLSTATE class 23) is the request’s fault: 422', async () => {
			await expectError(
				await issueWith(pgError('23505', 'duplicate key value violates unique constraint')),
				422,
				'inconsistent_data'
			);
		});

		test('a database that went away is a 503 the device retries, logged without the request', async () => {
			const log = vi.spyOn(console, 'error').mockImplementation(() => {});
			const response = await issueWith(
				pgError('57P01', 'terminating connection due to administrator command')
			);
			expect(response.headers.get('retry-after')).toBe('5');
			await expectError(response, 503, 'database_unavailable');
			expect(log.mock.calls.flat().join(' ')).not.toContain('Сарнай');
		});

		test('any other failure is a 500, logged once without the request', async () => {
			const log = vi.spyOn(console, 'error').mockImplementation(() => {});
			await expectError(await issueWith(pgError('XX000', 'internal error')), 500, 'internal_error');
			expect(log).toHaveBeenCalledOnce();
			expect(String(log.mock.calls[0][0])).toMatch(/^POST \/api\/v1\/certificates failed: .*XX000/);
			expect(log.mock.calls.flat().join(' ')).not.toContain('Сарнай');
		});
	});

	test('never answers 5xx for impossible, out-of-range and real dates, or for any name', async () => {
		const valid = certificateRequest();
		const field = fc.constantFrom('completedAt', 'lessons.0', 'lessons.1', 'name');
		await fc.assert(
			fc.asyncProperty(
				field,
				fc.oneof(hostileDate, acceptedDate(COURSES_FIRST_PUBLISHED)),
				hostileName,
				async (where, date, name) => {
					const body = structuredClone(valid) as ReturnType<typeof certificateRequest>;
					body.learner = { id: crypto.randomUUID(), name: where === 'name' ? name : 'Болд' };
					if (where === 'completedAt') body.completedAt = date;
					if (where.startsWith('lessons.')) body.lessons[Number(where.slice(-1))].completedAt = date;
					const response = await handle(post(JSON.stringify(body)), 'fuzz', ORIGIN);
					expect(response.status).toBeLessThan(500);
					const answer = await response.json();
					if (response.status !== 201) {
						expect(answer.error.code).toEqual(expect.any(String));
						return;
					}
					// Stored as the instant the server read, which PostgreSQL read the same way.
					const [row] = await database.db
						.select({ completedAt: certificates.completedAt, name: certificates.learnerName })
						.from(certificates)
						.where(eq(certificates.id, answer.id));
					expect(Math.abs(row.completedAt.getTime() - timestampMs(body.completedAt)!)).toBeLessThanOrEqual(1);
					expect(row.name).toBe(body.learner.name.trim());
				}
			),
			{ numRuns: 200 }
		);
	});

	test('never answers 5xx and never stores anything for hostile bodies and headers', async () => {
		const valid = certificateRequest();
		const hostileValue = fc.oneof(
			fc.anything(),
			fc.string(),
			hostileDate,
			hostileName,
			hostileName.map((name) => ({ id: crypto.randomUUID(), name })),
			hostileDate.map((completedAt) => [
				{ lessonId: 'one', completedAt },
				{ lessonId: 'two', completedAt }
			]),
			fc.constantFrom(
				'',
				'\u0000',
				'<script>alert(1)</script>',
				"'; DROP TABLE certificates; --",
				'\uD800',
				'x'.repeat(5000)
			)
		);
		const hostileBody = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 2000 }),
			fc.jsonValue().map((v) => JSON.stringify(v)),
			// A valid request with one field replaced by something hostile.
			fc
				.tuple(
					fc.constantFrom(
						'learner',
						'courseId',
						'completedAt',
						'lessons',
						'locale',
						'classCode',
						'__proto__'
					),
					hostileValue
				)
				.map(([field, value]) => {
					try {
						return JSON.stringify({ ...valid, [field]: value });
					} catch {
						return '{}';
					}
				})
		);
		const hostileHeader = fc.oneof(fc.string({ maxLength: 80 }), fc.constant('application/json'), fc.uuid());
		await fc.assert(
			fc.asyncProperty(hostileBody, hostileHeader, hostileHeader, async (body, type, key) => {
				let request: Request;
				try {
					request = new Request(URL_, {
						method: 'POST',
						body,
						headers: { 'content-type': type, 'idempotency-key': key }
					});
				} catch {
					return; // not even a valid HTTP request: a server never sees it
				}
				// A hostile date is sometimes a real one in range (a 201 that stores): count per request.
				const before = await rows();
				const response = await handle(request, 'fuzz', ORIGIN);
				expect(response.status).toBeLessThan(500);
				if (response.status !== 201) {
					expect((await response.json()).error.code).toEqual(expect.any(String));
					expect(await rows()).toBe(before);
				}
			}),
			{ numRuns: 150 }
		);
	});
});
