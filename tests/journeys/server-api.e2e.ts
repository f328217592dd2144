import { test, expect } from '../fixtures';
import { readCourse } from '../helpers/content';

// The API as devices and strangers meet it, on the production server (scripts/serve.js, whose direct
// route answers certificate issues before SvelteKit): no learner on the device is needed.
test.use({ learner: false });

const course = readCourse('meet-e-mongolia');

function certificateBody(completedAt: string, lessonsAt = completedAt) {
	return {
		learner: { id: crypto.randomUUID(), name: 'Сүхбат' },
		courseId: course.id,
		completedAt,
		lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt: lessonsAt })),
		locale: 'mn'
	};
}

test('every address and method under /api answers JSON, never a 5xx, with 405 naming the allowed methods', async ({
	request
}) => {
	const paths = [
		'/api',
		'/api/',
		'/api/nope',
		'/api/v1',
		'/api/v1/certificates',
		`/api/v1/certificates/${crypto.randomUUID()}`,
		'/api/v1/certificates/not-a-uuid',
		'/api/v1/certificates/%00',
		'/api/v1/classes/ZZZZZZ',
		'/api/v1/classes/%00%20',
		'/api/v1/courses',
		'/api/v1/courses/extra',
		'/api/%E0%A4%A'
	];
	const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
	for (const path of paths)
		for (const method of methods) {
			const response = await request.fetch(path, {
				method,
				headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
				data: method === 'GET' || method === 'HEAD' ? undefined : '{}',
				maxRedirects: 0
			});
			const where = `${method} ${path}: ${response.status()}`;
			expect(response.status(), where).toBeLessThan(500);
			expect(response.headers()['content-type'], where).toMatch(/^application\/json/);
			expect(response.headers()['permissions-policy'], where).toContain('microphone=()');
			if (response.status() < 400 || method === 'HEAD') continue;
			expect(await response.json(), where).toEqual({
				error: { code: expect.any(String), message: expect.any(String) }
			});
			if (response.status() === 405) expect(response.headers().allow, where).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
		}

	const wrongMethod = await request.delete('/api/v1/courses');
	expect(wrongMethod.status()).toBe(405);
	expect(wrongMethod.headers().allow).toBe('GET, HEAD');
	expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');
	const nowhere = await request.get('/api/v1/nothing-here');
	expect(nowhere.status()).toBe(404);
	expect((await nowhere.json()).error.code).toBe('not_found');
});

test('impossible dates are a 400 and dates outside the courses’ lifetime a 422, and the issuer is the configured origin', async ({
	request,
	baseURL
}) => {
	// One address sends all of these: wait as the server asks when its rate limit is reached.
	const send = async (body: unknown, headers: Record<string, string> = {}) => {
		for (;;) {
			const response = await request.post('/api/v1/certificates', {
				data: body,
				headers: { 'idempotency-key': crypto.randomUUID(), ...headers }
			});
			if (response.status() !== 429) return response;
			await new Promise((resolve) => setTimeout(resolve, Number(response.headers()['retry-after']) * 1000));
		}
	};
	const now = new Date().toISOString();
	for (const body of [
		certificateBody('2026-02-30T10:00:00Z'),
		certificateBody(now, '2026-11-31T10:00:00Z')
	]) {
		const response = await send(body);
		expect(response.status(), body.lessons[0].completedAt).toBe(400);
		expect((await response.json()).error.code).toBe('invalid_body');
	}
	const inAnHour = new Date(Date.now() + 3600_000).toISOString();
	for (const [date, code] of [
		['2026-11-23T23:59:59Z', 'completed_before_courses'],
		[inAnHour, 'completed_in_future']
	]) {
		const response = await send(certificateBody(date));
		expect(response.status(), date).toBe(422);
		expect((await response.json()).error.code).toBe(code);
	}

	// The Host header a client writes is not the issuer.
	const issued = await send(certificateBody(now), { 'x-forwarded-host': 'evil.example' });
	expect(issued.status()).toBe(201);
	const { credential, verifyUrl } = await issued.json();
	expect(JSON.parse(Buffer.from(credential.split('.')[1], 'base64url').toString()).iss).toBe(baseURL);
	expect(verifyUrl.startsWith(`${baseURL}/verify/`)).toBe(true);
});

test('every response carries the Permissions-Policy, with the microphone only on the narration pages, and no HSTS over http', async ({
	request
}) => {
	const home = await request.get('/');
	const asset = (await home.text()).match(/\/_app\/immutable\/[^"]+\.js/)?.[0];
	expect(asset).toBeTruthy();
	for (const path of [
		'/',
		'/en/join',
		'/manifest.webmanifest',
		asset!,
		'/teach',
		'/verify/unknown',
		'/api/v1/courses'
	]) {
		const headers = (await request.get(path)).headers();
		expect(headers['permissions-policy'], path).toMatch(/(^|, )camera=\(\)/);
		expect(headers['permissions-policy'], path).toMatch(/(^|, )microphone=\(\)/);
		// The browser tests serve http://localhost: Strict-Transport-Security would lock browsers out of it.
		expect(headers['strict-transport-security'], path).toBeUndefined();
	}
	const narration = (await request.get('/teach/narration', { maxRedirects: 0 })).headers();
	expect(narration['permissions-policy']).toMatch(/(^|, )microphone=\(self\)/);
	expect(narration['permissions-policy']).toMatch(/(^|, )camera=\(\)/);
});
