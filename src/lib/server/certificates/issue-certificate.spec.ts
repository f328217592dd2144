import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { count, isNull } from 'drizzle-orm';
import { certificates, issuerKeys } from '../db/schema';
import { activeSigningKey, publishedKeys } from '../issuer/issuer-keys';
import { certificateRequest, testCourse, testDatabases, type TestDatabase } from '../testing/test-databases';
import {
	CLOCK_SKEW_MS,
	COURSES_FIRST_PUBLISHED,
	issueCertificate,
	type IssueContext
} from './issue-certificate';
import { verifyCredential } from './vc-jwt';

const now = () => new Date('2026-11-24T12:00:00.000Z');

describe.each(testDatabases())('issuing certificates on $name', ({ open }) => {
	let database: TestDatabase;
	let ctx: IssueContext;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(async () => {
		await database.reset();
		ctx = {
			db: database.db,
			key: await activeSigningKey(database.db),
			courses: [testCourse],
			origin: 'https://alkham.test',
			now
		};
	});

	const stored = async () => (await database.db.select({ n: count() }).from(certificates))[0].n;

	test('issues a signed Open Badges credential that verifies with the published keys', async () => {
		const request = certificateRequest();
		const outcome = await issueCertificate(ctx, crypto.randomUUID(), request);
		expect(outcome.status).toBe(201);
		if (outcome.status !== 201) return;
		const body = JSON.parse(outcome.body);
		expect(body.verifyUrl).toBe(`https://alkham.test/verify/${body.id}`);
		const result = await verifyCredential(body.credential, await publishedKeys(database.db));
		expect(result.valid).toBe(true);
		if (!result.valid) return;
		expect(result.credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(result.credential.name).toBe('Test course (мн)');
		expect(result.credential.credentialSubject.id).toBe(`urn:uuid:${request.learner.id}`);
		expect(result.credential.credentialSubject.identifier[0].identityHash).toBe('Болд');
		// Only the display name and the random learner id leave the device.
		expect(JSON.stringify(result.credential)).not.toMatch(/register|phone|birth/i);
	});

	test('replays the identical response three times and stores one certificate', async () => {
		const key = crypto.randomUUID();
		const request = certificateRequest();
		const first = await issueCertificate(ctx, key, request);
		const replays = [];
		for (let i = 0; i < 3; i++) replays.push(await issueCertificate(ctx, key, structuredClone(request)));
		for (const replay of replays) expect(replay).toEqual(first);
		expect(await stored()).toBe(1);
	});

	test('recovers a response dropped after the commit by replaying the key', async () => {
		const key = crypto.randomUUID();
		const request = certificateRequest();
		await issueCertificate(ctx, key, request); // the response never reached the device
		const retry = await issueCertificate(ctx, key, request);
		expect(retry.status).toBe(201);
		expect(await stored()).toBe(1);
	});

	test('stores one certificate when identical requests race', async () => {
		const key = crypto.randomUUID();
		const request = certificateRequest();
		const outcomes = await Promise.all([1, 2, 3].map(() => issueCertificate(ctx, key, request)));
		const bodies = new Set(outcomes.map((o) => (o.status === 201 ? o.body : o.status)));
		expect(bodies.size).toBe(1);
		expect(await stored()).toBe(1);
	});

	test('refuses the same key with a different body and stores nothing new', async () => {
		const key = crypto.randomUUID();
		await issueCertificate(ctx, key, certificateRequest());
		const other = await issueCertificate(ctx, key, certificateRequest());
		expect(other).toMatchObject({ status: 409, code: 'idempotency_key_reused' });
		expect(await stored()).toBe(1);
	});

	test.each([
		['an unknown course', { courseId: 'no-such-course' }],
		[
			'a lesson of another course',
			{
				lessons: [
					{ lessonId: 'one', completedAt: '2026-11-24T09:00:00Z' },
					{ lessonId: 'zzz', completedAt: '2026-11-24T09:00:00Z' }
				]
			}
		],
		['a missing lesson', { lessons: [{ lessonId: 'one', completedAt: '2026-11-24T09:00:00Z' }] }],
		['a completion in the future', { completedAt: '2027-06-01T00:00:00Z' }],
		['a completion 6 minutes ahead of the clock', { completedAt: '2026-11-24T12:06:00Z' }],
		[
			'a lesson completed in the future',
			{
				lessons: [
					{ lessonId: 'one', completedAt: '2026-11-24T09:00:00Z' },
					{ lessonId: 'two', completedAt: '9999-12-31T23:59:59Z' }
				]
			}
		],
		['a completion before the courses existed', { completedAt: '2026-11-23T23:59:59Z' }],
		['a device clock reset to 1970', { completedAt: '1970-01-01T00:00:00Z' }],
		['the first year there is', { completedAt: '0001-01-01T00:00:00Z' }],
		[
			'a lesson completed before the courses existed',
			{
				lessons: [
					{ lessonId: 'one', completedAt: '2000-01-01T00:00:00Z' },
					{ lessonId: 'two', completedAt: '2026-11-24T09:00:00Z' }
				]
			}
		]
	])('answers 422 for %s and stores nothing', async (_, overrides) => {
		const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest(overrides));
		expect(outcome).toMatchObject({ status: 422 });
		// A wrong clock has codes of its own, so the device can say "check the date and time".
		const clock = /future|ahead|before|1970|first year/.test(_);
		const codes = clock ? ['completed_in_future', 'completed_before_courses'] : ['inconsistent_data'];
		expect(codes).toContain((outcome as { code: string }).code);
		expect(await stored()).toBe(0);
	});

	test('accepts completions from the first day of the courses to 5 minutes ahead of its clock', async () => {
		expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
		for (const completedAt of [
			COURSES_FIRST_PUBLISHED,
			'2026-11-24T12:05:00Z',
			'2026-11-24T20:04:00+08:00'
		]) {
			const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest({ completedAt }));
			expect(outcome.status, completedAt).toBe(201);
		}
		expect(await stored()).toBe(3);
	});

	test('says which date is wrong and what to check', async () => {
		const future = await issueCertificate(
			ctx,
			crypto.randomUUID(),
			certificateRequest({ completedAt: '2026-11-25T00:00:00Z' })
		);
		expect(future).toMatchObject({
			code: 'completed_in_future',
			message: expect.stringMatching(/in the future.*device's clock/)
		});
		const past = await issueCertificate(
			ctx,
			crypto.randomUUID(),
			certificateRequest({ completedAt: '2020-01-01T00:00:00Z' })
		);
		expect(past).toMatchObject({
			code: 'completed_before_courses',
			message: expect.stringMatching(/before Alkham's courses existed \(2026-11-24/)
		});
	});

	test('a tampered credential fails verification', async () => {
		const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest());
		if (outcome.status !== 201) throw new Error('not issued');
		const jwt: string = JSON.parse(outcome.body).credential;
		const [header, payload, signature] = jwt.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		claims.vc.credentialSubject.identifier[0].identityHash = 'Someone else';
		const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
		expect((await verifyCredential(forged, await publishedKeys(database.db))).valid).toBe(false);
	});

	test('keeps verifying certificates signed with a retired key', async () => {
		const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest());
		if (outcome.status !== 201) throw new Error('not issued');
		await database.db.update(issuerKeys).set({ retiredAt: new Date() }).where(isNull(issuerKeys.retiredAt));
		const fresh = await activeSigningKey(database.db);
		expect(fresh.kid).not.toBe(ctx.key.kid);
		const jwks = await publishedKeys(database.db);
		expect(jwks.keys).toHaveLength(2);
		expect((await verifyCredential(JSON.parse(outcome.body).credential, jwks)).valid).toBe(true);
	});
});

describe('signing algorithms', () => {
	test('signs with RS256 when configured', async () => {
		const [{ open }] = testDatabases();
		const database = await open();
		try {
			const key = await activeSigningKey(database.db, { ISSUER_ALG: 'RS256' });
			expect(key.alg).toBe('RS256');
			const ctx = { db: database.db, key, courses: [testCourse], origin: 'https://alkham.test', now };
			const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest());
			if (outcome.status !== 201) throw new Error('not issued');
			const result = await verifyCredential(
				JSON.parse(outcome.body).credential,
				await publishedKeys(database.db)
			);
			expect(result.valid).toBe(true);
		} finally {
			await database.dispose();
		}
	}, 30_000);
});
