import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInThrottle, teachers, teacherSessions } from '../db/schema-teach';
import { testDatabases, type TestDatabase } from '../testing/test-databases';
import type { PasswordHashing } from './hash-pool';
import { hashPassword, type Argon2 } from './password';
import { signIn, signInKeys, type SignInResult } from './sign-in';
import {
	ACCOUNT_ADDRESS_POLICY,
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	afterAttempt,
	retryAfterMs,
	type ThrottlePolicy,
	type ThrottleRecord
} from './throttle';
import { countAttempt } from './throttle-store';

const MINUTE = 60_000;
const reasonOf = (result: SignInResult) => (result.ok ? 'ok' : result.reason);
const START = Date.UTC(2026, 10, 24, 8);
const at = (ms: number) => new Date(START + ms);

const EMAIL = 'sarnai@school.mn';
const PASSWORD = 'a quiet lake at dawn';
const SCHOOL = '192.0.2.7';
const STRANGER = '198.51.100.66';

/**
 * A stand-in for argon2id that is fast and counts its calls: every password check of a sign-in is
 * one call, so the count is the number of passwords that were really checked.
 */
function countingHashing(): PasswordHashing & { checks: number; argon2: Argon2 } {
	const hashing = {
		checks: 0,
		argon2: (async ({ password, salt }) => {
			hashing.checks++;
			await new Promise((resolve) => setTimeout(resolve, 1));
			return new Uint8Array(createHash('sha256').update(salt).update(password).digest());
		}) as Argon2,
		acquire: () => ({ argon2: hashing.argon2, release: () => {} })
	};
	return hashing;
}

describe.each(testDatabases())('sign-in throttle on $name', ({ open }) => {
	let database: TestDatabase;
	let hashing: ReturnType<typeof countingHashing>;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(async () => {
		await database.reset();
		hashing = countingHashing();
		await database.db.insert(teachers).values({
			id: crypto.randomUUID(),
			email: EMAIL,
			name: 'Сарнай',
			passwordHash: await hashPassword(PASSWORD, hashing.argon2)
		});
		hashing.checks = 0;
	});

	const attempt = (password: string, address: string, ms = 0, email = EMAIL) =>
		signIn(database.db, { email, password, address }, { now: at(ms), hashing });
	const sessions = async () => (await database.db.select().from(teacherSessions)).length;
	const record = async (key: string) =>
		(await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key)))[0];

	it('checks at most five of thirty parallel wrong guesses, and refuses the right password sent after them', async () => {
		const guesses = Array.from({ length: 30 }, (_, i) => attempt(`wrong guess number ${i}`, STRANGER));
		// Sent after the thirty, before any of them has been answered.
		const right = attempt(PASSWORD, STRANGER);
		const results = await Promise.all(guesses);
		expect(hashing.checks).toBe(5);
		expect(results.filter((r) => reasonOf(r) === 'invalid')).toHaveLength(5);
		expect(results.filter((r) => reasonOf(r) === 'throttled')).toHaveLength(25);
		expect(await right).toMatchObject({ ok: false, reason: 'throttled' });
		expect(hashing.checks).toBe(5);
		expect(await sessions()).toBe(0);
	});

	it('refuses without checking the password while a wait applies, and says how long', async () => {
		for (let i = 0; i < 5; i++) await attempt('wrong guess', STRANGER, i);
		const refused = await attempt(PASSWORD, STRANGER, 5_000);
		// 15 s after the fifth failure (at 4 ms), 5 s from now.
		expect(refused).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 15_004 - 5_000 });
		expect(hashing.checks).toBe(5);
	});

	it('does not let refused attempts make the wait longer', async () => {
		for (let i = 0; i < 5; i++) await attempt('wrong guess', SCHOOL);
		for (let s = 1; s < 15; s++)
			expect(reasonOf(await attempt('hammering', SCHOOL, s * 1000))).toBe('throttled');
		// Fifteen seconds after the fifth failure, as the first wait said.
		expect((await attempt(PASSWORD, SCHOOL, 15_000)).ok).toBe(true);
	});

	it('lets the teacher in from her own address while a stranger is locked out from his', async () => {
		await Promise.all(Array.from({ length: 30 }, () => attempt('guessing', STRANGER)));
		expect(reasonOf(await attempt(PASSWORD, STRANGER, 1000))).toBe('throttled');
		// The old throttle counted per account: her right password was refused here for minutes.
		const teacher = await attempt(PASSWORD, SCHOOL, 1000);
		expect(teacher.ok).toBe(true);
	});

	it('keeps the teacher’s way in open through a stranger guessing as fast as allowed for two days', async () => {
		let strangerChecks = 0;
		for (let ms = 0; ms < 2 * 24 * 60 * MINUTE; ms += 2 * MINUTE) {
			const before = hashing.checks;
			await attempt(`guess ${ms}`, STRANGER, ms);
			strangerChecks += hashing.checks - before;
		}
		// About four an hour once the waits reach their fifteen-minute cap.
		expect(strangerChecks).toBeGreaterThan(2 * 24 * 3);
		expect(strangerChecks).toBeLessThan(2 * 24 * 5);
		expect((await attempt(PASSWORD, SCHOOL, 2 * 24 * 60 * MINUTE)).ok).toBe(true);
	}, 120_000);

	it('stops guessing from many addresses at the account’s bucket: fifty, then one per ten minutes', async () => {
		const addresses = Array.from({ length: 70 }, (_, i) => `203.0.113.${i + 1}`);
		const results = await Promise.all(addresses.map((a) => attempt('spraying', a)));
		expect(hashing.checks).toBe(50);
		expect(results.filter((r) => reasonOf(r) === 'throttled')).toHaveLength(20);
		// The price of this protection: for those ten minutes the teacher must wait too.
		expect(await attempt(PASSWORD, SCHOOL, MINUTE)).toMatchObject({
			reason: 'throttled',
			retryAfterMs: 9 * MINUTE
		});
		expect((await attempt(PASSWORD, SCHOOL, 10 * MINUTE)).ok).toBe(true);
		// Refused attempts were taken back from the keys they had passed: the school address is clear.
		expect((await record(`address:${SCHOOL}`)).failures).toBe(0);
	});

	it('counts many addresses of one IPv6 network as one address', async () => {
		for (let i = 0; i < 20; i++)
			await attempt('wrong', `2001:db8:5:6::${(i + 1).toString(16)}`, i, `x${i}@school.mn`);
		expect(reasonOf(await attempt(PASSWORD, '2001:db8:5:6:ffff::1', 30))).toBe('throttled');
	});

	it('takes an unknown email as long as a wrong password, and throttles it the same way', async () => {
		const unknown = await attempt(PASSWORD, STRANGER, 0, 'nobody@school.mn');
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(hashing.checks).toBe(1);
		for (let i = 1; i < 5; i++) await attempt(PASSWORD, STRANGER, i, 'nobody@school.mn');
		expect(reasonOf(await attempt(PASSWORD, STRANGER, 10, 'nobody@school.mn'))).toBe('throttled');
		expect(hashing.checks).toBe(5);
	});

	it('does not count successful sign-ins: a school signing in all day is never made to wait', async () => {
		for (let i = 0; i < 30; i++) expect((await attempt(PASSWORD, SCHOOL, i * 1000)).ok).toBe(true);
		expect((await record(`address:${SCHOOL}`)).failures).toBe(0);
		expect((await record(`account:${EMAIL}`)).failures).toBe(0);
	});

	it('forgets the account’s failures from an address once the teacher signs in from it', async () => {
		for (let i = 0; i < 4; i++) await attempt('typo', SCHOOL, i);
		expect((await attempt(PASSWORD, SCHOOL, 10)).ok).toBe(true);
		expect(await record(`account+address:${EMAIL} ${SCHOOL}`)).toBeUndefined();
		for (let i = 0; i < 5; i++) expect(reasonOf(await attempt('typo again', SCHOOL, 20 + i))).toBe('invalid');
	});

	it('counts exactly as the rules of throttle.ts say, in one statement per key', async () => {
		// Attempts at irregular times over two days on one key of each policy, in the database and by the rules.
		const DAY = 24 * 60 * MINUTE;
		const times = [0, 0, 1, 2, 3, 4, 5, 6, 14_000, 15_000, 20_000, 45_000, 46_000, 110_000];
		// A burst that fills the bucket, then steady tries that it drains between, then a quiet day.
		times.push(...new Array<number>(60).fill(2 * MINUTE));
		for (let ms = 3 * MINUTE; ms < 2 * DAY; ms += 7 * MINUTE + 13_000) times.push(ms);
		times.push(3 * DAY + 5, 3 * DAY + 6, 3 * DAY + 7);
		for (const policy of [ACCOUNT_ADDRESS_POLICY, ADDRESS_POLICY, ACCOUNT_POLICY] as ThrottlePolicy[]) {
			const key = `test:${policy.kind === 'bucket' ? 'bucket' : policy.freeFailures}`;
			let model: ThrottleRecord | undefined;
			for (const ms of times) {
				const allowed = retryAfterMs(model, at(ms), policy) === 0;
				if (allowed) model = afterAttempt(model, at(ms), policy);
				expect(await countAttempt(database.db, { key, policy }, at(ms)), `${key} at ${ms}`).toBe(allowed);
				const stored = await record(key);
				expect({ failures: stored.failures, at: stored.lastFailureAt.getTime() }).toEqual({
					failures: model!.failures,
					at: model!.lastFailureAt.getTime()
				});
			}
		}
	}, 120_000);

	it('keeps the keys for an account and an address apart from others', () => {
		expect(signInKeys(' Sarnai@School.MN ', '::ffff:192.0.2.7').map((k) => k.key)).toEqual([
			`account+address:${EMAIL} ${SCHOOL}`,
			`address:${SCHOOL}`,
			`account:${EMAIL}`
		]);
	});
});
