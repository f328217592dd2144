import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { teachers } from '../db/schema-teach';
import { testDatabases, type TestDatabase } from '../testing/test-databases';
import { createSession, SESSION_IDLE_MS, SESSION_MAX_MS, sessionMaxMs, sessionTeacher } from './sessions';

const HOUR = 60 * 60_000;
const SIGNED_IN = Date.UTC(2026, 10, 24, 8);
const at = (ms: number) => new Date(SIGNED_IN + ms);

describe('the maximum session lifetime setting', () => {
	it('is twelve hours unless TEACH_SESSION_MAX_HOURS gives a positive number of hours', () => {
		expect(SESSION_MAX_MS).toBe(12 * HOUR);
		expect(sessionMaxMs({})).toBe(12 * HOUR);
		expect(sessionMaxMs({ TEACH_SESSION_MAX_HOURS: '4' })).toBe(4 * HOUR);
		expect(sessionMaxMs({ TEACH_SESSION_MAX_HOURS: '0.5' })).toBe(HOUR / 2);
		for (const wrong of ['', ' ', '0', '-3', 'twelve', 'Infinity'])
			expect(sessionMaxMs({ TEACH_SESSION_MAX_HOURS: wrong })).toBe(12 * HOUR);
	});
});

describe.each(testDatabases())('session lifetime on $name', ({ open }) => {
	let database: TestDatabase;
	let teacherId: string;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(async () => {
		await database.reset();
		teacherId = crypto.randomUUID();
		// No real hash needed: sessions never look at the password.
		await database.db
			.insert(teachers)
			.values({ id: teacherId, email: 'sarnai@school.mn', name: 'Сарнай', passwordHash: 'x' });
	});

	/** Uses the session at each time in turn; whether it was still open each time. */
	async function useAt(token: string, times: number[], maxMs = SESSION_MAX_MS) {
		const open: boolean[] = [];
		for (const ms of times) open.push(!!(await sessionTeacher(database.db, token, at(ms), maxMs)));
		return open;
	}

	it('ends after eight hours without use', async () => {
		const token = await createSession(database.db, teacherId, at(0));
		expect(await useAt(token, [SESSION_IDLE_MS - 1000, 2 * SESSION_IDLE_MS])).toEqual([true, false]);
	});

	it('ends twelve hours after sign-in even when used all the time', async () => {
		const token = await createSession(database.db, teacherId, at(0));
		const everyHalfHour = Array.from({ length: 24 }, (_, i) => (i + 1) * (HOUR / 2) - 1000);
		// Without the maximum, a session in use every half hour would slide on for ever.
		expect(await useAt(token, everyHalfHour)).toEqual(everyHalfHour.map(() => true));
		expect(await useAt(token, [SESSION_MAX_MS, SESSION_MAX_MS + HOUR])).toEqual([false, false]);
	});

	it('never slides its expiry past the maximum lifetime', async () => {
		const token = await createSession(database.db, teacherId, at(0));
		expect(await useAt(token, [6 * HOUR])).toEqual([true]);
		// Six hours of idleness later it has ended: twelve hours after sign-in, not eight after last use.
		expect(await useAt(token, [12 * HOUR + 1000])).toEqual([false]);
	});

	it('follows TEACH_SESSION_MAX_HOURS, also for sessions already open when it is lowered', async () => {
		const token = await createSession(database.db, teacherId, at(0), 2 * HOUR);
		expect(await useAt(token, [HOUR, 2 * HOUR - 1000, 2 * HOUR + 1000], 2 * HOUR)).toEqual([
			true,
			true,
			false
		]);
		const older = await createSession(database.db, teacherId, at(0));
		expect(await useAt(older, [3 * HOUR], 2 * HOUR)).toEqual([false]);
	});
});
