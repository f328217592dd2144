import { describe, expect, test } from 'vitest';
import {
	FIRST_DELAY_MS,
	FREE_TRIES,
	MAX_DELAY_MS,
	afterFailure,
	delayAfter,
	secondsToWait,
	waitRemaining
} from './secret-throttle';

const t0 = new Date('2026-01-01T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('secret throttle', () => {
	test('lets a learner mistype a few times without waiting', () => {
		let state = undefined;
		for (let i = 0; i < FREE_TRIES - 1; i++) {
			state = afterFailure(state, t0);
			expect(waitRemaining(state, t0)).toBe(0);
		}
	});

	test('then makes each further wrong try wait longer, doubling', () => {
		expect(delayAfter(FREE_TRIES)).toBe(FIRST_DELAY_MS);
		expect(delayAfter(FREE_TRIES + 1)).toBe(2 * FIRST_DELAY_MS);
		expect(delayAfter(FREE_TRIES + 2)).toBe(4 * FIRST_DELAY_MS);
	});

	test('never waits longer than the ceiling', () => {
		expect(delayAfter(100)).toBe(MAX_DELAY_MS);
		expect(delayAfter(1_000_000)).toBe(MAX_DELAY_MS);
	});

	test('counts the wait down from the last wrong try', () => {
		let state = undefined;
		for (let i = 0; i < FREE_TRIES; i++) state = afterFailure(state, t0);
		expect(state).toEqual({ failures: FREE_TRIES, until: later(FIRST_DELAY_MS).toISOString() });
		expect(waitRemaining(state, t0)).toBe(FIRST_DELAY_MS);
		expect(waitRemaining(state, later(10_000))).toBe(FIRST_DELAY_MS - 10_000);
		expect(waitRemaining(state, later(FIRST_DELAY_MS))).toBe(0);
	});

	test('keeps counting wrong tries after a wait has passed', () => {
		let state = undefined;
		for (let i = 0; i < FREE_TRIES; i++) state = afterFailure(state, t0);
		state = afterFailure(state, later(FIRST_DELAY_MS));
		expect(state.failures).toBe(FREE_TRIES + 1);
		expect(waitRemaining(state, later(FIRST_DELAY_MS))).toBe(2 * FIRST_DELAY_MS);
	});

	test('has nothing to wait for without a state', () => {
		expect(waitRemaining(undefined, t0)).toBe(0);
		expect(waitRemaining({ failures: 1 }, t0)).toBe(0);
	});

	test('rounds seconds up, so a learner never reads "0 seconds" while waiting', () => {
		expect(secondsToWait(1)).toBe(1);
		expect(secondsToWait(29_001)).toBe(30);
		expect(secondsToWait(30_000)).toBe(30);
	});
});
