import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	afterFailure,
	delayAfter,
	retryAfterMs,
	type ThrottleRecord
} from './throttle';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 24) + ms);

/** Fails `n` times, each as soon as allowed, with a clock the test controls. */
function failRepeatedly(n: number, policy = ACCOUNT_POLICY) {
	let now = 0;
	let record: ThrottleRecord | undefined;
	const waits: number[] = [];
	for (let i = 0; i < n; i++) {
		const wait = retryAfterMs(record, at(now), policy);
		waits.push(wait);
		now += wait;
		record = afterFailure(record, at(now), policy);
	}
	return { record: record!, now, waits };
}

describe('sign-in throttle', () => {
	it('lets the first five tries on an account through without waiting, then asks for 15 seconds', () => {
		const { waits } = failRepeatedly(6);
		expect(waits).toEqual([0, 0, 0, 0, 0, 15_000]);
	});

	it('makes each further failure wait twice as long as the one before', () => {
		const { waits } = failRepeatedly(10);
		expect(waits.slice(5)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
	});

	it('never makes anyone wait more than fifteen minutes', () => {
		const { waits } = failRepeatedly(40);
		expect(Math.max(...waits)).toBe(15 * 60_000);
		expect(delayAfter(1000, ACCOUNT_POLICY)).toBe(15 * 60_000);
	});

	it('counts down the wait as the clock moves on', () => {
		const { record, now } = failRepeatedly(6);
		const wait = retryAfterMs(record, at(now), ACCOUNT_POLICY);
		expect(wait).toBe(30_000);
		expect(retryAfterMs(record, at(now + 20_000), ACCOUNT_POLICY)).toBe(10_000);
		expect(retryAfterMs(record, at(now + 30_000), ACCOUNT_POLICY)).toBe(0);
	});

	it('forgets the failures after a quiet day', () => {
		const { record, now } = failRepeatedly(12);
		const dayLater = now + 24 * 60 * 60_000;
		expect(retryAfterMs(record, at(dayLater), ACCOUNT_POLICY)).toBe(0);
		expect(afterFailure(record, at(dayLater), ACCOUNT_POLICY).failures).toBe(1);
	});

	it('allows a shared school address more free tries than one account', () => {
		const { waits } = failRepeatedly(21, ADDRESS_POLICY);
		expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
		expect(waits[20]).toBe(15_000);
	});
});
