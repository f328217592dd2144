import { describe, expect, test } from 'vitest';
import { backoffDelay, MAX_DELAY_MS, nextAttemptAt, retryAfterMs } from './backoff';

describe('backoff', () => {
	test('grows exponentially with full jitter', () => {
		expect(backoffDelay(0, () => 0.999)).toBe(1998);
		expect(backoffDelay(3, () => 0.5)).toBe(8000);
		expect(backoffDelay(3, () => 0)).toBe(0);
	});
	test('never waits more than five minutes', () => {
		expect(backoffDelay(40, () => 0.999999)).toBeLessThan(MAX_DELAY_MS);
		expect(nextAttemptAt(1, 0, '100000')).toBe(MAX_DELAY_MS);
	});
	test('honours Retry-After in seconds and as a date', () => {
		expect(retryAfterMs('7', 0)).toBe(7000);
		expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
		expect(retryAfterMs('soon', 0)).toBe(0);
		expect(nextAttemptAt(0, 1000, '30', () => 0)).toBe(31_000);
	});
});
