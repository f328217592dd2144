import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '$lib/server/db';
import { narrationLog, narrations } from '$lib/server/db/schema-teach';
import { courses } from '$lib/server/content/catalogue';
import { testDatabases, type TestDatabase } from '$lib/server/testing/test-databases';
import { createTeacher, setTeacherApprover, type Teacher } from '$lib/server/teach/accounts';
import { MAX_NARRATION_BYTES } from '$lib/server/narration/audio-check';

// The routes open the server's database through this module; the tests hand them the test database.
let current: DatabaseHandle;
vi.mock('$lib/server/db/database.server', () => ({ database: async () => current }));

const index = await import('./+page.server');
const lessonPage = await import('./[courseId]/[lessonId]/+page.server');
const recordPage = await import('./[courseId]/[lessonId]/[step]/[locale]/+page.server');
const review = await import('./review/+page.server');
const teacherAudio = await import('./audio/[id]/+server');
const manifestApi = await import('../../api/v1/narration/[courseId]/[locale]/+server');
const audioApi = await import('../../api/v1/narration/audio/[id]/+server');

const PASSWORD = 'a long classroom passphrase';
const recording = (name: string) => readFileSync(`tests/media/narration/${name}`);

const course = courses[0];
const lesson = course.lessons[0];
const stepParams = { courseId: course.id, lessonId: lesson.id, step: '0', locale: 'mn' };
const recordPath = `/teach/narration/${course.id}/${lesson.id}/0/mn`;

interface FakeEvent {
	teacher?: Teacher | null;
	params?: Record<string, string>;
	form?: Record<string, string>;
	file?: { bytes: Uint8Array | Buffer; name: string; type: string };
	path?: string;
	headers?: Record<string, string>;
	locale?: 'mn' | 'en';
}

/** A request event as SvelteKit hands it to loads, actions and endpoints. */
function event({
	teacher = null,
	params = {},
	form,
	file,
	path = '/teach/narration',
	headers = {},
	locale = 'en'
}: FakeEvent) {
	const url = new URL(path, 'http://localhost:4173');
	let body: URLSearchParams | FormData | undefined = form ? new URLSearchParams(form) : undefined;
	if (file) {
		body = new FormData();
		body.set('audio', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
	}
	return {
		request: new Request(url, body ? { method: 'POST', body, headers } : { headers }),
		url,
		params,
		route: { id: path },
		locals: { teacher, teachLocale: locale },
		cookies: { get: () => undefined, set: () => {}, delete: () => {} },
		setHeaders: () => {},
		getClientAddress: () => '192.0.2.7'
	} as never;
}

/** What a thrown error(), redirect() or a returned fail() says. */
async function outcome(
	run: () => unknown
): Promise<{ status: number; location?: string; data?: unknown; message?: string }> {
	try {
		const result = (await run()) as { status?: number; data?: unknown } | undefined;
		return { status: result?.status ?? 200, data: result?.data ?? result };
	} catch (thrown) {
		const t = thrown as { status?: number; location?: string; body?: { message?: string } };
		if (typeof t?.status !== 'number') throw thrown;
		return { status: t.status, location: t.location, message: t.body?.message };
	}
}

describe.each(testDatabases())('narration on $name', ({ open }) => {
	let database: TestDatabase;
	let alice: Teacher;
	let bob: Teacher;
	let olga: Teacher;

	beforeAll(async () => {
		database = await open();
		current = database;
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(async () => {
		await database.reset();
		alice = await createTeacher(database.db, { email: 'alice@school.mn', name: 'Алис', password: PASSWORD });
		bob = await createTeacher(database.db, { email: 'bob@school.mn', name: 'Бат', password: PASSWORD });
		await createTeacher(database.db, { email: 'olga@school.mn', name: 'Ольга', password: PASSWORD });
		olga = await setTeacherApprover(database.db, 'olga@school.mn', true);
	});

	const rows = () => database.db.select().from(narrations).orderBy(asc(narrations.recordedAt));
	const logged = async () =>
		(await database.db.select().from(narrationLog).orderBy(asc(narrationLog.at))).map((r) => r.action);
	const stored = async () => (await database.db.select({ n: count() }).from(narrations))[0].n;

	/** Uploads a file through the recording page's form, as `teacher`. */
	const upload = (
		teacher: Teacher,
		bytes: Uint8Array | Buffer,
		name = 'narration.webm',
		type = 'audio/webm'
	) =>
		outcome(() =>
			recordPage.actions.upload(
				event({ teacher, params: stepParams, path: recordPath, file: { bytes, name, type } })
			)
		);

	/** Alice's draft of step 0 in Mongolian, from Chromium's real recording. */
	async function aliceDraft() {
		expect(await upload(alice, recording('chromium-opus-3s.webm'))).toMatchObject({
			status: 303,
			location: `${recordPath}?saved=1`
		});
		return (await rows()).at(-1)!;
	}

	const decide = (action: 'publish' | 'reject' | 'confirm', teacher: Teacher, id: string) =>
		outcome(() =>
			review.actions[action](event({ teacher, form: { narration: id }, path: '/teach/narration/review' }))
		);

	const manifest = async (courseId = course.id, locale = 'mn') => {
		const response = await manifestApi.GET(
			event({ params: { courseId, locale }, path: `/api/v1/narration/${courseId}/${locale}` })
		);
		return { response, body: await response.json() };
	};
	const audio = (id: string, headers: Record<string, string> = {}) =>
		audioApi.GET(event({ params: { id }, headers, path: `/api/v1/narration/audio/${id}` }));

	test('a teacher’s recording is stored as her draft, checked by its content, and logged', async () => {
		const draft = await aliceDraft();
		expect(draft).toMatchObject({
			status: 'draft',
			mime: 'audio/webm',
			recordedBy: alice.id,
			courseId: course.id,
			lessonId: lesson.id,
			step: 0,
			locale: 'mn',
			bytes: recording('chromium-opus-3s.webm').length
		});
		expect(draft.durationMs).toBeGreaterThan(2_800);
		expect(Buffer.from(draft.audio).equals(recording('chromium-opus-3s.webm'))).toBe(true);
		expect(await logged()).toEqual(['recorded']);
		// The step's page shows it as a draft with a player; the public API does not know it.
		const page = (await lessonPage.load(
			event({
				teacher: bob,
				params: stepParams,
				locale: 'mn',
				path: `/teach/narration/${course.id}/${lesson.id}`
			})
		)) as { steps: { status: string; drafts: { mine: boolean; src: string }[] }[] };
		expect(page.steps[0]).toMatchObject({
			status: 'draft',
			drafts: [{ mine: false, src: `/teach/narration/audio/${draft.id}` }]
		});
		expect((await manifest()).body.files).toEqual([]);
		expect((await audio(draft.id)).status).toBe(404);
	});

	test('an AAC recording in M4A is accepted as audio/mp4', async () => {
		expect((await upload(alice, recording('aac-3s.m4a'), 'take.m4a', 'audio/mp4')).status).toBe(303);
		expect((await rows())[0]).toMatchObject({ mime: 'audio/mp4', status: 'draft' });
	});

	test('wrong content disguised by its name and declared type, too long or too big: a clear 4xx, nothing stored', async () => {
		const cases: [Uint8Array | Buffer, string, string, number, string][] = [
			[recording('opus-3s.ogg'), 'narration.webm', 'audio/webm', 415, 'not_audio'],
			[Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), 'take.m4a', 'audio/mp4', 415, 'not_audio'],
			[recording('opus-in-mp4-3s.mp4'), 'take.m4a', 'audio/mp4', 415, 'wrong_codec'],
			[recording('video-1s.webm'), 'narration.webm', 'audio/webm', 415, 'wrong_codec'],
			[recording('chromium-opus-92s.webm'), 'narration.webm', 'audio/webm', 422, 'too_long'],
			[new Uint8Array(MAX_NARRATION_BYTES + 1), 'narration.webm', 'audio/webm', 413, 'too_big'],
			[new Uint8Array(), 'narration.webm', 'audio/webm', 400, 'empty']
		];
		for (const [bytes, name, type, status, problem] of cases)
			expect(await upload(alice, bytes, name, type), problem).toMatchObject({ status, data: { problem } });
		// Without a file at all.
		const noFile = await outcome(() =>
			recordPage.actions.upload(
				event({ teacher: alice, params: stepParams, path: recordPath, form: { x: '1' } })
			)
		);
		expect(noFile).toMatchObject({ status: 400, data: { problem: 'empty' } });
		expect(await stored()).toBe(0);
		expect(await logged()).toEqual([]);
	});

	test('a step that does not exist, or a signed-out upload, stores nothing', async () => {
		for (const params of [
			{ ...stepParams, step: String(lesson.steps.length) },
			{ ...stepParams, locale: 'fr' },
			{ ...stepParams, lessonId: 'no-such-lesson' }
		]) {
			const file = { bytes: recording('chromium-opus-3s.webm'), name: 'n.webm', type: 'audio/webm' };
			expect(
				(await outcome(() => recordPage.actions.upload(event({ teacher: alice, params, file })))).status
			).toBe(404);
			expect((await outcome(() => recordPage.load(event({ teacher: alice, params })))).status).toBe(404);
		}
		const file = { bytes: recording('chromium-opus-3s.webm'), name: 'n.webm', type: 'audio/webm' };
		expect((await outcome(() => recordPage.actions.upload(event({ params: stepParams, file })))).status).toBe(
			403
		);
		expect(
			(await outcome(() => recordPage.load(event({ params: stepParams, path: recordPath })))).status
		).toBe(303);
		expect(await stored()).toBe(0);
	});

	test('a teacher replaces her own draft by recording again, and deletes only her own', async () => {
		const first = await aliceDraft();
		const second = await aliceDraft();
		expect((await rows()).map((r) => r.id)).toEqual([second.id]);
		expect(await logged()).toEqual(['recorded', 'replaced', 'recorded']);
		// Bob records the same step: his draft stands beside hers; he cannot delete hers.
		expect((await upload(bob, recording('chromium-opus-3s.webm'))).status).toBe(303);
		const del = (teacher: Teacher, id: string) =>
			outcome(() =>
				lessonPage.actions.delete(event({ teacher, params: stepParams, form: { narration: id } }))
			);
		expect(await del(bob, second.id)).toMatchObject({ status: 403, message: 'not_yours' });
		expect(await del(alice, first.id)).toMatchObject({ status: 404 });
		expect(await stored()).toBe(2);
		expect(await del(alice, second.id)).toMatchObject({ status: 200, data: { done: 'deleted' } });
		expect((await rows()).map((r) => r.recordedBy)).toEqual([bob.id]);
		expect((await logged()).at(-1)).toBe('deleted');
	});

	test('only an approver publishes, rejects or confirms; a teacher’s attempt changes nothing', async () => {
		const draft = await aliceDraft();
		for (const action of ['publish', 'reject', 'confirm'] as const)
			expect(await decide(action, alice, draft.id)).toMatchObject({ status: 403, message: 'not_approver' });
		expect(
			(await outcome(() => review.load(event({ teacher: alice, path: '/teach/narration/review' })))).status
		).toBe(403);
		expect((await rows())[0].status).toBe('draft');
		expect(await logged()).toEqual(['recorded']);
		// Signed out: refused before anything is read.
		expect(
			(await outcome(() => review.actions.publish(event({ form: { narration: draft.id } })))).status
		).toBe(403);
	});

	test('an approver publishes a draft: the manifest lists it and its audio is served with ranges', async () => {
		const draft = await aliceDraft();
		const list = (await review.load(event({ teacher: olga, path: '/teach/narration/review' }))) as {
			items: { id: string; script: string }[];
		};
		expect(list.items.map((i) => i.id)).toEqual([draft.id]);
		expect(list.items[0].script.length).toBeGreaterThan(0);
		expect(await decide('publish', olga, draft.id)).toMatchObject({
			status: 200,
			data: { done: 'published' }
		});
		expect((await rows())[0]).toMatchObject({ status: 'published', reviewedBy: olga.id });
		expect(await logged()).toEqual(['recorded', 'published']);
		// Publishing again is a conflict, not a second publication.
		expect(await decide('publish', olga, draft.id)).toMatchObject({ status: 409, message: 'not_draft' });

		const { response, body } = await manifest();
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-cache');
		const size = recording('chromium-opus-3s.webm').length;
		expect(body).toEqual({
			courseId: course.id,
			locale: 'mn',
			files: [
				{
					lessonId: lesson.id,
					step: 0,
					url: `/api/v1/narration/audio/${draft.id}`,
					type: 'audio/webm',
					bytes: size,
					durationMs: draft.durationMs
				}
			],
			bytes: size
		});
		expect((await manifest(course.id, 'en')).body.files).toEqual([]);

		const whole = await audio(draft.id);
		expect(whole.status).toBe(200);
		expect(Object.fromEntries(whole.headers)).toMatchObject({
			'content-type': 'audio/webm',
			'cache-control': 'public, max-age=31536000, immutable',
			'accept-ranges': 'bytes',
			'content-length': String(size)
		});
		expect(Buffer.from(await whole.arrayBuffer()).equals(recording('chromium-opus-3s.webm'))).toBe(true);

		const part = await audio(draft.id, { range: 'bytes=4-11' });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 4-11/${size}`);
		expect(
			Buffer.from(await part.arrayBuffer()).equals(recording('chromium-opus-3s.webm').subarray(4, 12))
		).toBe(true);
		const tail = await audio(draft.id, { range: 'bytes=-10' });
		expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
		const open = await audio(draft.id, { range: `bytes=${size - 3}-` });
		expect([open.status, (await open.arrayBuffer()).byteLength]).toEqual([206, 3]);

		const outside = await audio(draft.id, { range: `bytes=${size}-` });
		expect(outside.status).toBe(416);
		expect(outside.headers.get('content-range')).toBe(`bytes */${size}`);
		expect((await outside.json()).error.code).toBe('range_not_satisfiable');
		// A range that cannot be read is ignored: the whole audio.
		expect((await audio(draft.id, { range: 'pages=1-2' })).status).toBe(200);
	});

	test('the API answers 404 for unknown, malformed, draft and rejected ids, unknown courses; 400 for other languages', async () => {
		const draft = await aliceDraft();
		for (const id of [crypto.randomUUID(), 'not-a-uuid', draft.id]) {
			const response = await audio(id);
			expect(response.status).toBe(404);
			expect((await response.json()).error.code).toBe('narration_not_found');
		}
		expect(await decide('reject', olga, draft.id)).toMatchObject({ status: 200, data: { done: 'rejected' } });
		expect((await rows())[0].status).toBe('rejected');
		expect((await audio(draft.id)).status).toBe(404);
		expect(await decide('publish', olga, draft.id)).toMatchObject({ status: 409 });
		expect(await logged()).toEqual(['recorded', 'rejected']);

		const unknown = await manifest('no-such-course');
		expect(unknown.response.status).toBe(404);
		expect(unknown.body.error.code).toBe('course_not_found');
		const french = await manifest(course.id, 'fr');
		expect(french.response.status).toBe(400);
		expect(french.body.error.code).toBe('unknown_locale');
	});

	test('a published narration is replaced only when the new recording is published', async () => {
		const first = await aliceDraft();
		await decide('publish', olga, first.id);
		expect((await upload(bob, recording('aac-3s.m4a'), 'take.m4a', 'audio/mp4')).status).toBe(303);
		const second = (await rows()).find((r) => r.recordedBy === bob.id)!;
		// While the new one is a draft, learners still get the first.
		expect((await manifest()).body.files.map((f: { url: string }) => f.url)).toEqual([
			`/api/v1/narration/audio/${first.id}`
		]);
		expect(await decide('publish', olga, second.id)).toMatchObject({ status: 200 });
		const byId = new Map((await rows()).map((r) => [r.id, r.status]));
		expect([byId.get(first.id), byId.get(second.id)]).toEqual(['replaced', 'published']);
		expect((await manifest()).body.files).toMatchObject([
			{ url: `/api/v1/narration/audio/${second.id}`, type: 'audio/mp4' }
		]);
		expect((await audio(first.id)).status).toBe(404);
		expect((await audio(second.id)).headers.get('content-type')).toBe('audio/mp4');
		expect(await logged()).toEqual(['recorded', 'published', 'recorded', 'replaced', 'published']);
	});

	describe('when a step’s text changes', () => {
		const step = lesson.steps[0];
		const original = step.title.mn;
		afterEach(() => {
			step.title.mn = original;
		});

		test('its narration is outdated until an approver confirms it still fits, and an outdated draft cannot be published', async () => {
			const published = await aliceDraft();
			await decide('publish', olga, published.id);
			const draft = await aliceDraft();
			step.title.mn = `${original} (засварласан)`;

			expect((await manifest()).body).toMatchObject({ files: [], bytes: 0 });
			expect((await audio(published.id)).status).toBe(404);
			const lessonStatus = async (locale: 'mn' | 'en') =>
				(
					(await lessonPage.load(
						event({
							teacher: alice,
							params: stepParams,
							locale,
							path: `/teach/narration/${course.id}/${lesson.id}`
						})
					)) as { steps: { status: string }[] }
				).steps[0].status;
			// The teacher pages show the narration of their own language: Mongolian here.
			expect(await lessonStatus('mn')).toBe('outdated');
			expect(await lessonStatus('en')).toBe('none');
			const list = (await review.load(event({ teacher: olga, path: '/teach/narration/review' }))) as {
				items: { id: string; status: string; outdated: boolean }[];
			};
			expect(list.items.map((i) => [i.id, i.status, i.outdated]).sort()).toEqual(
				[
					[published.id, 'published', true],
					[draft.id, 'draft', true]
				].sort()
			);
			expect(await decide('publish', olga, draft.id)).toMatchObject({ status: 409, message: 'outdated' });
			expect(await decide('confirm', alice, published.id)).toMatchObject({ status: 403 });

			expect(await decide('confirm', olga, published.id)).toMatchObject({
				status: 200,
				data: { done: 'confirmed' }
			});
			expect((await manifest()).body.files).toHaveLength(1);
			expect((await audio(published.id)).status).toBe(200);
			expect(await lessonStatus('mn')).toBe('published');
			expect(await decide('confirm', olga, published.id)).toMatchObject({ status: 409, message: 'current' });
			const [row] = await database.db.select().from(narrations).where(eq(narrations.id, published.id));
			expect(row.reviewedBy).toBe(olga.id);
			expect(await logged()).toEqual(['recorded', 'published', 'recorded', 'confirmed']);
		});
	});

	test('drafts are heard by signed-in teachers only, never cached', async () => {
		const draft = await aliceDraft();
		const signedOut = await outcome(() => teacherAudio.GET(event({ params: { id: draft.id } })));
		expect(signedOut.status).toBe(403);
		const heard = await teacherAudio.GET(
			event({ teacher: bob, params: { id: draft.id }, headers: { range: 'bytes=0-3' } })
		);
		expect(heard.status).toBe(206);
		expect(heard.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await heard.arrayBuffer()).toString('hex')).toBe('1a45dfa3');
		expect((await outcome(() => teacherAudio.GET(event({ teacher: bob, params: { id: 'x' } })))).status).toBe(
			404
		);
	});

	test('the narration home lists the courses, and the review count for approvers only', async () => {
		await aliceDraft();
		const asApprover = (await index.load(event({ teacher: olga }))) as {
			approver: boolean;
			toReview: number;
			courses: unknown[];
		};
		expect(asApprover).toMatchObject({ approver: true, toReview: 1 });
		expect(asApprover.courses).toHaveLength(courses.length);
		expect(await index.load(event({ teacher: alice }))).toMatchObject({ approver: false, toReview: 0 });
	});
});
