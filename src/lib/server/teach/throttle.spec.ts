import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_ADDRESS_POLICY,
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	afterAttempt,
	delayAfter,
	FORGET_RECORDS_AFTER_MS,
	retryAfterMs,
	type ThrottlePolicy,
	type ThrottleRecord
} from './throttle';

const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 10, 24) + ms);

/** Tries `n` times, each as soon as allowed, with a clock the test controls. */
function tryRepeatedly(n: number, policy: ThrottlePolicy = ACCOUNT_ADDRESS_POLICY) {
	let now = 0;
	let record: ThrottleRecord | undefined;
	const waits: number[] = [];
	for (let i = 0; i < n; i++) {
		const wait = retryAfterMs(record, at(now), policy);
		waits.push(wait);
		now += wait;
		record = afterAttempt(record, at(now), policy);
	}
	return { record: record!, now, waits };
}

/** How many of the attempts at the given times a policy lets through (each counted when allowed). */
function allowedOf(times: number[], policy: ThrottlePolicy) {
	let record: ThrottleRecord | undefined;
	let allowed = 0;
	for (const ms of times)
		if (retryAfterMs(record, at(ms), policy) === 0) {
			record = afterAttempt(record, at(ms), policy);
			allowed++;
		}
	return allowed;
}

describe('sign-in throttle: one account from one address', () => {
	it('lets the first five tries through without waiting, then asks for 15 seconds', () => {
		const { waits } = tryRepeatedly(6);
		expect(waits).toEqual([0, 0, 0, 0, 0, 15_000]);
	});

	it('makes each further try wait twice as long as the one before', () => {
		const { waits } = tryRepeatedly(10);
		expect(waits.slice(5)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
	});

	it('never makes anyone wait more than fifteen minutes', () => {
		const { waits } = tryRepeatedly(40);
		expect(Math.max(...waits)).toBe(15 * MINUTE);
		expect(delayAfter(1000, ACCOUNT_ADDRESS_POLICY)).toBe(15 * MINUTE);
	});

	it('counts down the wait as the clock moves on', () => {
		const { record, now } = tryRepeatedly(6);
		expect(retryAfterMs(record, at(now), ACCOUNT_ADDRESS_POLICY)).toBe(30_000);
		expect(retryAfterMs(record, at(now + 20_000), ACCOUNT_ADDRESS_POLICY)).toBe(10_000);
		expect(retryAfterMs(record, at(now + 30_000), ACCOUNT_ADDRESS_POLICY)).toBe(0);
	});

	it('forgets the tries after a quiet day', () => {
		const { record, now } = tryRepeatedly(12);
		const dayLater = now + 24 * 60 * MINUTE;
		expect(retryAfterMs(record, at(dayLater), ACCOUNT_ADDRESS_POLICY)).toBe(0);
		expect(afterAttempt(record, at(dayLater), ACCOUNT_ADDRESS_POLICY).failures).toBe(1);
	});
});

describe('sign-in throttle: one address, any account', () => {
	it('allows a shared school address more free tries than one account', () => {
		const { waits } = tryRepeatedly(21, ADDRESS_POLICY);
		expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
		expect(waits[20]).toBe(15_000);
	});
});

describe('sign-in throttle: one account from anywhere (a bucket)', () => {
	it('allows fifty at once, then one more each time ten minutes have drained one', () => {
		const { waits } = tryRepeatedly(53, ACCOUNT_POLICY);
		expect(waits.slice(0, 50).every((w) => w === 0)).toBe(true);
		expect(waits.slice(50)).toEqual([10 * MINUTE, 10 * MINUTE, 10 * MINUTE]);
	});

	it('drains steadily, without losing part of an interval between attempts', () => {
		// Full, then an attempt every 9 minutes: one of every ten minutes' drain is usable.
		const { record, now } = tryRepeatedly(50, ACCOUNT_POLICY);
		const every9 = Array.from({ length: 20 }, (_, i) => now + (i + 1) * 9 * MINUTE);
		const expected = Math.floor((20 * 9) / 10);
		let r: ThrottleRecord | undefined = record;
		let allowed = 0;
		for (const ms of every9)
			if (retryAfterMs(r, at(ms), ACCOUNT_POLICY) === 0) {
				r = afterAttempt(r, at(ms), ACCOUNT_POLICY);
				allowed++;
			}
		expect(allowed).toBe(expected);
	});

	it('empties completely long before its record is forgotten', () => {
		expect(ACCOUNT_POLICY.capacity * ACCOUNT_POLICY.leakEveryMs).toBeLessThan(FORGET_RECORDS_AFTER_MS);
		expect(ACCOUNT_ADDRESS_POLICY.forgetAfterMs).toBeLessThanOrEqual(FORGET_RECORDS_AFTER_MS);
		const { record, now } = tryRepeatedly(50, ACCOUNT_POLICY);
		expect(afterAttempt(record, at(now + 50 * 10 * MINUTE), ACCOUNT_POLICY).failures).toBe(1);
	});

	it('is never filled by one address trying as fast as its own keys allow, for a whole week', () => {
		// What one address may send at most: its account+address key's and its address key's backoff.
		const week = 7 * 24 * 60 * MINUTE;
		const times: number[] = [];
		let own: ThrottleRecord | undefined;
		let address: ThrottleRecord | undefined;
		let account: ThrottleRecord | undefined;
		let fullness = 0;
		for (let ms = 0; ms < week; ms += 1000) {
			if (retryAfterMs(own, at(ms), ACCOUNT_ADDRESS_POLICY) || retryAfterMs(address, at(ms), ADDRESS_POLICY))
				continue;
			own = afterAttempt(own, at(ms), ACCOUNT_ADDRESS_POLICY);
			address = afterAttempt(address, at(ms), ADDRESS_POLICY);
			expect(retryAfterMs(account, at(ms), ACCOUNT_POLICY)).toBe(0);
			account = afterAttempt(account, at(ms), ACCOUNT_POLICY);
			fullness = Math.max(fullness, account.failures);
			times.push(ms);
		}
		expect(times.length).toBeGreaterThan(600);
		expect(fullness).toBeLessThan(ACCOUNT_POLICY.capacity / 2);
		expect(allowedOf(times, ACCOUNT_POLICY)).toBe(times.length);
	});
});
