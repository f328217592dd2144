import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '$lib/server/db';
import { classes, inPersonConfirmations, signInThrottle, teacherSessions } from '$lib/server/db/schema-teach';
import { issueCertificate } from '$lib/server/certificates/issue-certificate';
import { activeSigningKey } from '$lib/server/issuer/issuer-keys';
import {
	certificateRequest,
	testCourse,
	testDatabases,
	type TestDatabase
} from '$lib/server/testing/test-databases';
import { createTeacher, setTeacherDisabled, type Teacher } from '$lib/server/teach/accounts';
import { confirmationOf, createClass, type ClassRow } from '$lib/server/teach/classes';
import { passwordHashing } from '$lib/server/teach/hash-pool';
import {
	hashToken,
	SESSION_COOKIE,
	SESSION_IDLE_MS,
	SESSION_MAX_MS,
	sessionTeacher
} from '$lib/server/teach/sessions';

// The routes open the server's database through this module; the tests hand them the test database.
let current: DatabaseHandle;
vi.mock('$lib/server/db/database.server', () => ({ database: async () => current }));

const home = await import('./+page.server');
const classPage = await import('./classes/[id]/+page.server');
const report = await import('./classes/[id]/report/+page.server');
const csv = await import('./classes/[id]/csv/+server');
const newClass = await import('./classes/new/+page.server');
const classApi = await import('../api/v1/classes/[code]/+server');

const PASSWORD = 'a long classroom passphrase';

interface FakeEvent {
	teacher?: Teacher | null;
	params?: Record<string, string>;
	form?: Record<string, string>;
	path?: string;
	cookies?: Map<string, string>;
}

/** A request event as SvelteKit hands it to loads, actions and endpoints. */
function event({ teacher = null, params = {}, form, path = '/teach', cookies = new Map() }: FakeEvent) {
	const url = new URL(path, 'http://localhost:4173');
	const body = form ? new URLSearchParams(form) : undefined;
	const headers = new Headers();
	return {
		request: new Request(url, body ? { method: 'POST', body } : undefined),
		url,
		params,
		locals: { teacher, teachLocale: 'en' as const },
		cookies: {
			get: (name: string) => cookies.get(name),
			set: (name: string, value: string, options: Record<string, unknown>) => {
				cookies.set(name, value);
				cookies.set(`${name}:options`, JSON.stringify(options));
			},
			delete: (name: string) => cookies.delete(name)
		},
		headers,
		setHeaders: (h: Record<string, string>) => Object.entries(h).forEach(([k, v]) => headers.set(k, v)),
		getClientAddress: () => '192.0.2.7'
	} as never;
}

/** What a thrown error(), redirect() or a returned fail() says. */
async function outcome(run: () => unknown): Promise<{ status: number; location?: string; data?: unknown }> {
	try {
		const result = (await run()) as { status?: number; data?: unknown } | undefined;
		return { status: result?.status ?? 200, data: result?.data ?? result };
	} catch (thrown) {
		const t = thrown as { status?: number; location?: string };
		if (typeof t?.status !== 'number') throw thrown;
		return { status: t.status, location: t.location };
	}
}

describe.each(testDatabases())('teacher pages on $name', ({ open }) => {
	let database: TestDatabase;
	let alice: Teacher;
	let bob: Teacher;
	let aliceClass: ClassRow;
	let bobClass: ClassRow;
	let aliceCert: string;
	let bobCert: string;

	beforeAll(async () => {
		database = await open();
		current = database;
	});
	afterAll(async () => {
		await database?.dispose();
	});

	async function certificate(classCode: string, name = 'Болд') {
		const ctx = {
			db: database.db,
			key: await activeSigningKey(database.db),
			courses: [testCourse],
			origin: 'http://localhost:4173'
		};
		const request = certificateRequest({ classCode, learner: { id: crypto.randomUUID(), name } });
		const result = await issueCertificate(ctx, crypto.randomUUID(), request);
		if (result.status !== 201) throw new Error('not issued');
		return JSON.parse(result.body).id as string;
	}

	const confirmations = async () =>
		(await database.db.select({ n: count() }).from(inPersonConfirmations))[0].n;
	const classCount = async () => (await database.db.select({ n: count() }).from(classes))[0].n;

	beforeEach(async () => {
		await database.reset();
		alice = await createTeacher(database.db, { email: 'alice@school.mn', name: 'Алис', password: PASSWORD });
		bob = await createTeacher(database.db, { email: 'bob@school.mn', name: 'Бат', password: PASSWORD });
		const input = { place: null, startsOn: null, endsOn: null };
		aliceClass = await createClass(database.db, alice.id, { name: 'Alice’s class', ...input });
		bobClass = await createClass(database.db, bob.id, { name: 'Bob’s class', ...input });
		aliceCert = await certificate(aliceClass.code, 'Сараа');
		bobCert = await certificate(bobClass.code, 'Төмөр');
	});

	const asAlice = (e: FakeEvent) => event({ teacher: alice, ...e });

	test('a teacher sees her own class with its learners, report and CSV', async () => {
		const params = { id: aliceClass.id };
		const view = (await classPage.load(asAlice({ params, path: `/teach/classes/${aliceClass.id}` }))) as {
			learners: { name: string }[];
			joinUrl: string;
		};
		expect(view.learners.map((l) => l.name)).toEqual(['Сараа']);
		expect(view.joinUrl).toBe(`http://localhost:4173/join?code=${aliceClass.code}`);
		expect((await outcome(() => report.load(asAlice({ params })))).status).toBe(200);
		const response = await csv.GET(asAlice({ params }));
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await response.text();
		expect(text).toContain('Сараа');
		expect(text).not.toContain('Төмөр');
	});

	test('another teacher’s class id is a 404 on the class page, the report and the CSV', async () => {
		const params = { id: bobClass.id };
		expect((await outcome(() => classPage.load(asAlice({ params })))).status).toBe(404);
		expect((await outcome(() => report.load(asAlice({ params })))).status).toBe(404);
		expect((await outcome(() => csv.GET(asAlice({ params })))).status).toBe(404);
	});

	test('an unknown or malformed class id is a 404', async () => {
		for (const id of [crypto.randomUUID(), 'not-a-uuid', "1' OR '1'='1"])
			expect((await outcome(() => classPage.load(asAlice({ params: { id } })))).status).toBe(404);
	});

	test('signed out, pages send the visitor to sign in and the CSV is refused', async () => {
		const params = { id: aliceClass.id };
		const page = await outcome(() =>
			classPage.load(event({ params, path: `/teach/classes/${aliceClass.id}` }))
		);
		expect(page).toMatchObject({
			status: 303,
			location: `/teach?next=%2Fteach%2Fclasses%2F${aliceClass.id}`
		});
		expect((await outcome(() => newClass.load(event({ path: '/teach/classes/new' })))).status).toBe(303);
		expect((await outcome(() => csv.GET(event({ params })))).status).toBe(403);
	});

	test('signed-out form posts are refused with 403 and change nothing', async () => {
		const params = { id: aliceClass.id };
		const form = { certificate: aliceCert };
		expect((await outcome(() => classPage.actions.confirm(event({ params, form })))).status).toBe(403);
		expect((await outcome(() => classPage.actions.withdraw(event({ params, form })))).status).toBe(403);
		expect((await outcome(() => newClass.actions.default(event({ form: { name: 'Forged' } })))).status).toBe(
			403
		);
		expect(await confirmations()).toBe(0);
		expect(await classCount()).toBe(2);
	});

	test('a teacher confirms her own learner’s certificate, and the verify page can show it', async () => {
		const result = await outcome(() =>
			classPage.actions.confirm(asAlice({ params: { id: aliceClass.id }, form: { certificate: aliceCert } }))
		);
		expect(result.status).toBe(200);
		expect(await confirmationOf(database.db, aliceCert)).toMatchObject({ teacherName: 'Алис' });
	});

	test('confirming another teacher’s certificate through one’s own class is a 404 and changes nothing', async () => {
		const result = await outcome(() =>
			classPage.actions.confirm(asAlice({ params: { id: aliceClass.id }, form: { certificate: bobCert } }))
		);
		expect(result.status).toBe(404);
		expect(await confirmations()).toBe(0);
	});

	test('a form posted to another teacher’s class is a 404 and changes nothing', async () => {
		for (const certificate of [bobCert, aliceCert]) {
			const result = await outcome(() =>
				classPage.actions.confirm(asAlice({ params: { id: bobClass.id }, form: { certificate } }))
			);
			expect(result.status).toBe(404);
		}
		expect(await confirmations()).toBe(0);
	});

	test('a teacher cannot withdraw another teacher’s confirmation', async () => {
		await classPage.actions.confirm(
			event({ teacher: bob, params: { id: bobClass.id }, form: { certificate: bobCert } })
		);
		expect(await confirmations()).toBe(1);
		for (const id of [aliceClass.id, bobClass.id]) {
			const result = await outcome(() =>
				classPage.actions.withdraw(asAlice({ params: { id }, form: { certificate: bobCert } }))
			);
			expect(result.status).toBe(404);
		}
		expect(await confirmations()).toBe(1);
	});

	test('forged certificate ids (missing, malformed, unknown) are 404 and change nothing', async () => {
		for (const certificate of ['', 'x', crypto.randomUUID()]) {
			const result = await outcome(() =>
				classPage.actions.confirm(asAlice({ params: { id: aliceClass.id }, form: { certificate } }))
			);
			expect(result.status).toBe(404);
		}
		expect(await confirmations()).toBe(0);
	});

	test('a certificate sent before the class existed does not belong to it', async () => {
		// A code is unique forever, but a certificate could name it before the class was created.
		const early = await certificate('ZZZ999');
		await database.db.insert(classes).values({
			id: crypto.randomUUID(),
			teacherId: alice.id,
			code: 'ZZZ999',
			name: 'Later class',
			// Strictly later: on a fast machine the database's clock can read the same millisecond as the
			// certificate's, and a certificate issued as the class is created does belong to it.
			createdAt: new Date(Date.now() + 1)
		});
		const [late] = await database.db.select().from(classes).where(eq(classes.code, 'ZZZ999'));
		const result = await outcome(() =>
			classPage.actions.confirm(asAlice({ params: { id: late.id }, form: { certificate: early } }))
		);
		expect(result.status).toBe(404);
	});

	test('bad class input re-shows the form with the problem and stores nothing', async () => {
		const result = await outcome(() =>
			newClass.actions.default(asAlice({ form: { name: '', startsOn: '2026-13-01', endsOn: '' } }))
		);
		expect(result).toMatchObject({
			status: 400,
			data: { errors: { name: 'required', startsOn: 'invalid_date' } }
		});
		expect(await classCount()).toBe(2);
	});

	test('a good class form creates the class with a join code and opens its page', async () => {
		const result = await outcome(() =>
			newClass.actions.default(asAlice({ form: { name: 'Эцэг эхчүүд', place: '5-р сургууль' } }))
		);
		expect(result.status).toBe(303);
		const [created] = await database.db.select().from(classes).where(eq(classes.name, 'Эцэг эхчүүд'));
		expect(result.location).toBe(`/teach/classes/${created.id}`);
		expect(created).toMatchObject({ teacherId: alice.id, place: '5-р сургууль' });
		expect(created.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	});

	test('signing in sets an HttpOnly, SameSite=Lax session cookie whose hash alone is stored', async () => {
		const cookies = new Map<string, string>();
		const result = await outcome(() =>
			home.actions.signIn(event({ cookies, form: { email: ' Alice@School.mn ', password: PASSWORD } }))
		);
		expect(result).toMatchObject({ status: 303, location: '/teach' });
		const token = cookies.get(SESSION_COOKIE)!;
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(JSON.parse(cookies.get(`${SESSION_COOKIE}:options`)!)).toEqual({
			path: '/teach',
			httpOnly: true,
			sameSite: 'lax',
			secure: false
		});
		const rows = await database.db.select().from(teacherSessions);
		expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
		expect((await sessionTeacher(database.db, token))?.id).toBe(alice.id);

		expect(await outcome(() => home.actions.signOut(event({ cookies })))).toMatchObject({
			status: 303,
			location: '/teach'
		});
		expect(cookies.has(SESSION_COOKIE)).toBe(false);
		expect(await database.db.select().from(teacherSessions)).toEqual([]);
		expect(await sessionTeacher(database.db, token)).toBeUndefined();
	});

	test('a session ends after eight hours without use, slides while in use, and ends twelve hours after sign-in', async () => {
		const signInToken = async () => {
			const cookies = new Map<string, string>();
			await outcome(() =>
				home.actions.signIn(event({ cookies, form: { email: 'alice@school.mn', password: PASSWORD } }))
			);
			return cookies.get(SESSION_COOKIE)!;
		};
		const HOUR = 60 * 60_000;
		const idle = await signInToken();
		const start = Date.now();
		const at = (ms: number) => new Date(start + ms);
		expect(await sessionTeacher(database.db, idle, at(SESSION_IDLE_MS + 1000))).toBeUndefined();

		const busy = await signInToken();
		expect((await sessionTeacher(database.db, busy, at(4 * HOUR)))?.id).toBe(alice.id);
		// Used four hours in: still open almost eight hours after that, past the first eight hours.
		expect((await sessionTeacher(database.db, busy, at(SESSION_MAX_MS - 60_000)))?.id).toBe(alice.id);
		// Used a minute ago, but signed in twelve hours ago: over.
		expect(await sessionTeacher(database.db, busy, at(SESSION_MAX_MS + 1000))).toBeUndefined();
	});

	test('wrong passwords are refused alike for known and unknown emails, then throttled with a wait', async () => {
		const attempt = (email: string, password: string) =>
			outcome(() => home.actions.signIn(event({ form: { email, password } })));
		const unknown = await attempt('nobody@school.mn', PASSWORD);
		const wrong = await attempt('alice@school.mn', 'not the password at all');
		expect(unknown).toMatchObject({ status: 400, data: { problem: 'invalid' } });
		expect(wrong).toMatchObject({ status: 400, data: { problem: 'invalid' } });
		for (let i = 0; i < 4; i++) await attempt('alice@school.mn', 'still not the password');
		// Five failures on the account: even the right password must now wait.
		const throttled = await attempt('alice@school.mn', PASSWORD);
		// 15 s from the last failure, less the time the real clock moved on meanwhile (a busy machine).
		expect(throttled).toMatchObject({
			status: 429,
			data: { problem: 'throttled', waitSeconds: expect.toSatisfy((s: number) => s > 5 && s <= 15) }
		});
		expect(await database.db.select().from(teacherSessions)).toEqual([]);
		const [record] = await database.db
			.select()
			.from(signInThrottle)
			.where(eq(signInThrottle.key, 'account:alice@school.mn'));
		expect(record.failures).toBe(5);
	});

	test('many failures from one address make that address wait, whichever accounts they try', async () => {
		// 20 free failures per address (a school may share one), spread over accounts that do not exist.
		for (let i = 0; i < 20; i++) {
			const result = await outcome(() =>
				home.actions.signIn(event({ form: { email: `guess${i}@school.mn`, password: 'wrong guess' } }))
			);
			expect(result.status).toBe(400);
		}
		// Alice has never failed, but the address must wait now, even with her right password.
		const blocked = await outcome(() =>
			home.actions.signIn(event({ form: { email: 'alice@school.mn', password: PASSWORD } }))
		);
		// 15 s from the last failure, less the time the real clock moved on meanwhile (a busy machine).
		expect(blocked).toMatchObject({
			status: 429,
			data: { problem: 'throttled', waitSeconds: expect.toSatisfy((s: number) => s > 5 && s <= 15) }
		});
		const [record] = await database.db
			.select()
			.from(signInThrottle)
			.where(eq(signInThrottle.key, 'address:192.0.2.7'));
		expect(record.failures).toBe(20);
	}, 120_000);

	test('while the password hashing pool is full, sign-in answers 503 with Retry-After and counts nothing', async () => {
		const pool = passwordHashing();
		const held = [];
		for (let slot = pool.acquire(); slot; slot = pool.acquire()) held.push(slot);
		try {
			const busy = event({ form: { email: 'alice@school.mn', password: PASSWORD } });
			expect(await outcome(() => home.actions.signIn(busy))).toMatchObject({
				status: 503,
				data: { problem: 'busy', email: 'alice@school.mn' }
			});
			expect((busy as unknown as { headers: Headers }).headers.get('retry-after')).toBe('5');
			expect(await database.db.select().from(signInThrottle)).toEqual([]);
		} finally {
			for (const slot of held) slot.release();
		}
		// With room again the same sign-in goes through, hashed in the pool's worker threads.
		const result = await outcome(() =>
			home.actions.signIn(event({ form: { email: 'alice@school.mn', password: PASSWORD } }))
		);
		expect(result).toMatchObject({ status: 303 });
		expect(pool.threads).toBeGreaterThan(0);
	});

	test('a disabled teacher’s sessions end and she cannot sign in; her class code stops working', async () => {
		const cookies = new Map<string, string>();
		await outcome(() =>
			home.actions.signIn(event({ cookies, form: { email: 'alice@school.mn', password: PASSWORD } }))
		);
		await setTeacherDisabled(database.db, 'alice@school.mn', true);
		expect(await sessionTeacher(database.db, cookies.get(SESSION_COOKIE))).toBeUndefined();
		const again = await outcome(() =>
			home.actions.signIn(event({ form: { email: 'alice@school.mn', password: PASSWORD } }))
		);
		expect(again).toMatchObject({ status: 403, data: { problem: 'disabled' } });
		const response = await classApi.GET(event({ params: { code: aliceClass.code } }));
		expect(response.status).toBe(404);
	});

	test('the class lookup for learners gives the class and teacher names, or a JSON 404', async () => {
		const response = await classApi.GET(event({ params: { code: aliceClass.code.toLowerCase() } }));
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			code: aliceClass.code,
			name: 'Alice’s class',
			teacherName: 'Алис'
		});
		const missing = await classApi.GET(event({ params: { code: 'ZZZZZZ' } }));
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({
			error: { code: 'class_not_found', message: 'No class has this code.' }
		});
	});
});
