import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { certificates, idempotencyKeys } from '../db/schema';
import { RateLimiter } from '../http/rate-limit';
import { PERMISSIONS_POLICY } from '../http/security-headers';
import { hostileDate, hostileName } from '../testing/hostile-input';
import { certificateRequest, testCourse, testDatabases, type TestDatabase } from '../testing/test-databases';
import { clientAddressOf, createDirectCertificateRoute, type DirectRoute } from './direct-route';
import { createCertificateIssuer, webCertificateHandler, type CertificateIssuer } from './post-certificate';

const ORIGIN = 'https://alkham.test';

/** A node:http server with the direct route in front, as in scripts/serve.js; anything else answers 418. */
async function serve(route: DirectRoute) {
	const server: Server = createServer((req, res) => {
		if (route(req, res)) return;
		res.writeHead(418, { 'content-type': 'text/plain' }).end('left to SvelteKit');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const json = (key = crypto.randomUUID()) => ({
	'content-type': 'application/json',
	'idempotency-key': key
});

describe('POST /api/v1/certificates straight from node:http (PGlite)', () => {
	let database: TestDatabase;
	let issue: CertificateIssuer;
	let server: Awaited<ReturnType<typeof serve>>;
	const post = (
		body: BodyInit | null,
		headers: Record<string, string> = json(),
		path = '/api/v1/certificates'
	) => fetch(`${server.base}${path}`, { method: 'POST', body, headers });
	const rows = async () =>
		(await database.db.select({ n: count() }).from(certificates))[0].n +
		(await database.db.select({ n: count() }).from(idempotencyKeys))[0].n;

	beforeAll(async () => {
		database = await testDatabases()[0].open();
		issue = createCertificateIssuer({
			db: async () => database.db,
			courses: [testCourse],
			limiter: new RateLimiter(0)
		});
		server = await serve(createDirectCertificateRoute(issue, { ORIGIN })!);
	});
	afterAll(async () => {
		await server?.close();
		await database?.dispose();
	});
	beforeEach(() => database.reset());

	test('issues a certificate and replays the identical response, with the headers of the app', async () => {
		const key = crypto.randomUUID();
		const body = JSON.stringify(certificateRequest({ locale: 'en' }));
		const first = await post(body, json(key));
		expect(first.status).toBe(201);
		expect(first.headers.get('content-type')).toBe('application/json');
		expect(first.headers.get('x-content-type-options')).toBe('nosniff');
		expect(first.headers.get('x-frame-options')).toBe('DENY');
		expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(first.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
		expect(first.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		const text = await first.text();
		expect(JSON.parse(text).verifyUrl).toMatch(/^https:\/\/alkham\.test\/en\/verify\//);
		const again = await post(body, json(key));
		expect(again.status).toBe(201);
		expect(await again.text()).toBe(text);
		expect(await rows()).toBe(2); // one certificate, one idempotency record
	});

	test("signs as the configured origin, whatever the request's Host header says", async () => {
		const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
			const req = httpRequest(`${server.base}/api/v1/certificates`, {
				method: 'POST',
				headers: { ...json(), host: 'evil.example', 'x-forwarded-host': 'evil.example' }
			});
			req.on('response', (res: IncomingMessage) => {
				let body = '';
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode, body }));
			});
			req.on('error', reject);
			req.end(JSON.stringify(certificateRequest()));
		});
		expect(answer.status).toBe(201);
		const { credential, verifyUrl } = JSON.parse(answer.body);
		const claims = JSON.parse(Buffer.from(credential.split('.')[1], 'base64url').toString());
		expect(claims.iss).toBe(ORIGIN);
		expect(claims.vc.issuer.id).toBe(ORIGIN);
		expect(verifyUrl).toMatch(/^https:\/\/alkham\.test\/verify\//);
		expect(answer.body).not.toContain('evil.example');
	});

	test('answers 413 for a body over 64 KB sent without a length, and closes the connection', async () => {
		const status = await new Promise<{ status?: number; connection?: string; body: string }>(
			(resolve, reject) => {
				const req = httpRequest(`${server.base}/api/v1/certificates`, { method: 'POST', headers: json() });
				req.on('response', (res: IncomingMessage) => {
					let body = '';
					res.on('data', (chunk) => (body += chunk));
					res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
				});
				req.on('error', reject);
				// Chunked: no Content-Length to refuse it by; 20 × 4 KB is counted while reading.
				for (let i = 0; i < 20; i++) req.write('x'.repeat(4096));
				req.end();
			}
		);
		expect(status.status).toBe(413);
		expect(status.connection).toBe('close');
		expect(JSON.parse(status.body).error.code).toBe('body_too_large');
		expect(await rows()).toBe(0);
	});

	test('leaves every other request to SvelteKit', async () => {
		expect((await fetch(`${server.base}/api/v1/certificates`)).status).toBe(418);
		expect((await post('{}', json(), '/api/v1/certificates/')).status).toBe(418);
		expect((await post('{}', json(), '/api/v1/courses')).status).toBe(418);
		expect((await post('{}', json(), '/en/api/v1/certificates')).status).toBe(418);
	});

	test('answers exactly as the SvelteKit route does, for hostile bodies and headers', async () => {
		const web = webCertificateHandler(issue);
		const valid = certificateRequest();
		const body = fc.oneof(
			fc.string({ maxLength: 500 }),
			fc.jsonValue().map((v) => JSON.stringify(v)),
			fc.constantFrom(
				'',
				'{"learner":',
				JSON.stringify({ ...valid, courseId: 'nope' }),
				JSON.stringify(valid)
			),
			// Impossible, out-of-range and real dates, anywhere; names of every kind.
			fc
				.tuple(hostileDate, fc.constantFrom('completedAt', 'lessons'))
				.map(([date, field]) =>
					JSON.stringify(
						field === 'completedAt'
							? { ...valid, completedAt: date }
							: { ...valid, lessons: valid.lessons.map((l) => ({ ...l, completedAt: date })) }
					)
				),
			hostileName.map((name) => JSON.stringify({ ...valid, learner: { ...valid.learner, name } }))
		);
		const type = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '');
		const key = fc.oneof(fc.uuid(), fc.constantFrom('', 'abc', ' 5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2 '));
		await fc.assert(
			fc.asyncProperty(body, type, key, async (body, type, key) => {
				const headers: Record<string, string> = { 'idempotency-key': key };
				if (type) headers['content-type'] = type;
				// Each path gets its own key, so that neither replays the other's answer.
				const direct = await post(body, { ...headers, 'idempotency-key': key.replace(/^[0-9a-f]/, 'a') });
				const viaSvelteKit = await web(
					new Request(`${ORIGIN}/api/v1/certificates`, {
						method: 'POST',
						body,
						headers: { ...headers, 'idempotency-key': key.replace(/^[0-9a-f]/, 'b') }
					}),
					'fuzz',
					ORIGIN
				);
				expect(direct.status).toBe(viaSvelteKit.status);
				expect(direct.status).toBeLessThan(500);
				const [a, b] = [await direct.json(), await viaSvelteKit.json()];
				if (direct.status === 201) expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
				else expect(a).toEqual(b);
			}),
			{ numRuns: 100 }
		);
	});

	test('answers a JSON 500 when issuing fails, and stays up', async () => {
		const failing = await serve(
			createDirectCertificateRoute(
				createCertificateIssuer({
					db: () => Promise.reject(new Error('database gone')),
					courses: [testCourse],
					limiter: new RateLimiter(0)
				}),
				{ ORIGIN }
			)!
		);
		const error = console.error;
		console.error = () => {};
		try {
			const url = `${failing.base}/api/v1/certificates`;
			const init = { method: 'POST', body: JSON.stringify(certificateRequest()) };
			const response = await fetch(url, { ...init, headers: json() });
			expect(response.status).toBe(500);
			expect((await response.json()).error.code).toBe('internal_error');
			expect((await fetch(url, { ...init, headers: json() })).status).toBe(500);
		} finally {
			console.error = error;
			await failing.close();
		}
	});
});

describe('the direct route', () => {
	const issue = (() => Promise.reject(new Error('unused'))) as unknown as CertificateIssuer;

	test('sends Strict-Transport-Security only when the public origin is https', async () => {
		const refuse = (async () => ({ status: 429, body: '{}' })) as unknown as CertificateIssuer;
		for (const [origin, hsts] of [
			['http://localhost:3000', null],
			['https://alkham.test', 'max-age=31536000; includeSubDomains']
		]) {
			const server = await serve(createDirectCertificateRoute(refuse, { ORIGIN: origin! })!);
			try {
				const response = await fetch(`${server.base}/api/v1/certificates`, { method: 'POST', body: '{}' });
				expect(response.headers.get('strict-transport-security')).toBe(hsts);
				expect(response.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
			} finally {
				await server.close();
			}
		}
	});

	test('is not used without a configured public origin: SvelteKit then answers 503', () => {
		expect(createDirectCertificateRoute(issue, {})).toBeUndefined();
		expect(createDirectCertificateRoute(issue, { ORIGIN: 'not a url' })).toBeUndefined();
		expect(createDirectCertificateRoute(issue, { PUBLIC_BASE_URL: 'https://a.mn/app' })).toBeUndefined();
		expect(createDirectCertificateRoute(issue, { PUBLIC_BASE_URL: 'https://a.mn/' })).toBeTypeOf('function');
	});

	test("finds the client's address as adapter-node does, or leaves the request to it", () => {
		const req = (headers: Record<string, string>) =>
			({ headers, socket: { remoteAddress: '10.0.0.9' } }) as unknown as IncomingMessage;
		expect(clientAddressOf(req({}), '', 1)).toBe('10.0.0.9');
		expect(clientAddressOf(req({ 'x-real-ip': '1.2.3.4' }), 'x-real-ip', 1)).toBe('1.2.3.4');
		expect(clientAddressOf(req({}), 'x-real-ip', 1)).toBeUndefined();
		const xff = req({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4, 10.0.0.1' });
		expect(clientAddressOf(xff, 'x-forwarded-for', 1)).toBe('10.0.0.1');
		expect(clientAddressOf(xff, 'x-forwarded-for', 2)).toBe('1.2.3.4');
		expect(clientAddressOf(xff, 'x-forwarded-for', 4)).toBeUndefined();
		expect(clientAddressOf(xff, 'x-forwarded-for', 0)).toBeUndefined();
	});
});
