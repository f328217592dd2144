import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	test('allows a burst, then asks the client to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(60, 2, () => now);
		expect(limiter.take('a')).toBe(0);
		expect(limiter.take('a')).toBe(0);
		expect(limiter.take('a')).toBe(1);
		now += 1000;
		expect(limiter.take('a')).toBe(0);
	});
	test('keeps addresses apart', () => {
		const limiter = new RateLimiter(60, 1, () => 0);
		expect(limiter.take('a')).toBe(0);
		expect(limiter.take('b')).toBe(0);
		expect(limiter.take('a')).toBeGreaterThan(0);
	});
	test('is off at zero', () => {
		const limiter = new RateLimiter(0);
		for (let i = 0; i < 100; i++) expect(limiter.take('a')).toBe(0);
	});
});
