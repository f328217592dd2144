import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { installFakeWindow, type FakeWindow } from '$lib/testing/fake-browser';
import { IdleTimer } from './idle-timer.svelte';

const MINUTE = 60_000;
/** The device's default: ten minutes without use; the question comes a minute before. */
const TIMEOUT = 10 * MINUTE;

let browser: FakeWindow;
let onlock: ReturnType<typeof vi.fn<() => void>>;
let timer: IdleTimer;

beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z') });
	browser = installFakeWindow();
	onlock = vi.fn<() => void>();
	timer = new IdleTimer(TIMEOUT, onlock);
});

afterEach(() => {
	timer.stop();
	browser.restore();
	vi.useRealTimers();
});

const use = (type = 'pointerdown') => browser.window.dispatchEvent(new Event(type));

describe('a learner who walks away', () => {
	test('is asked "Are you still there?" a minute before the lock, then returned to the picker', () => {
		timer.start();
		vi.advanceTimersByTime(TIMEOUT - MINUTE - 1);
		expect(timer.warning).toBe(false);
		vi.advanceTimersByTime(1);
		expect(timer.warning).toBe(true);
		expect(onlock).not.toHaveBeenCalled();
		vi.advanceTimersByTime(MINUTE);
		expect(onlock).toHaveBeenCalledOnce();
		expect(timer.warning).toBe(false);
	});

	test('is locked out once only: the timer stops itself', () => {
		timer.start();
		vi.advanceTimersByTime(TIMEOUT);
		use();
		vi.advanceTimersByTime(5 * TIMEOUT);
		expect(onlock).toHaveBeenCalledOnce();
		expect(vi.getTimerCount()).toBe(0);
	});

	test('with a very short timeout is warned halfway', () => {
		timer = new IdleTimer(MINUTE, onlock);
		timer.start();
		vi.advanceTimersByTime(MINUTE / 2);
		expect(timer.warning).toBe(true);
		vi.advanceTimersByTime(MINUTE / 2);
		expect(onlock).toHaveBeenCalledOnce();
	});
});

describe('a learner who is using the app', () => {
	test('is never interrupted: each touch, key or scroll counts from then on', () => {
		timer.start();
		for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input']) {
			vi.advanceTimersByTime(8 * MINUTE);
			use(type);
		}
		expect(timer.warning).toBe(false);
		expect(onlock).not.toHaveBeenCalled();
		// Nine minutes after the last key press the question comes, not earlier.
		vi.advanceTimersByTime(9 * MINUTE - 1);
		expect(timer.warning).toBe(false);
		vi.advanceTimersByTime(1);
		expect(timer.warning).toBe(true);
	});

	test('answers the question with "I am still here", which starts the wait again', () => {
		timer.start();
		vi.advanceTimersByTime(TIMEOUT - MINUTE);
		timer.stillHere();
		expect(timer.warning).toBe(false);
		vi.advanceTimersByTime(TIMEOUT - MINUTE - 1);
		expect(timer.warning).toBe(false);
		expect(onlock).not.toHaveBeenCalled();
	});

	test('does not hide the question by a stray touch: only the answer counts', () => {
		timer.start();
		vi.advanceTimersByTime(TIMEOUT - MINUTE);
		use();
		use('keydown');
		expect(timer.warning).toBe(true);
		vi.advanceTimersByTime(MINUTE);
		expect(onlock).toHaveBeenCalledOnce();
	});
});

describe('a tab that was hidden or asleep', () => {
	test('is locked as soon as it is seen again when the time has passed', () => {
		timer.start();
		browser.setVisible(false);
		// A sleeping tablet runs no timers: only the clock moves on.
		vi.setSystemTime(Date.now() + 2 * TIMEOUT);
		expect(onlock).not.toHaveBeenCalled();
		browser.setVisible(true);
		expect(onlock).toHaveBeenCalledOnce();
	});

	test('shows the question at once when it comes back within the last minute', () => {
		timer.start();
		vi.setSystemTime(Date.now() + TIMEOUT - 30_000);
		browser.setVisible(true);
		expect(timer.warning).toBe(true);
		vi.advanceTimersByTime(30_000);
		expect(onlock).toHaveBeenCalledOnce();
	});

	test('keeps one timer however often it is checked', () => {
		timer.start();
		for (let i = 0; i < 3; i++) browser.setVisible(i % 2 === 0);
		expect(vi.getTimerCount()).toBe(1);
		vi.advanceTimersByTime(TIMEOUT);
		expect(onlock).toHaveBeenCalledOnce();
	});
});

test('stop (the learner left, or the lock was turned off) ends the watch and the question', () => {
	timer.start();
	vi.advanceTimersByTime(TIMEOUT - MINUTE);
	expect(timer.warning).toBe(true);
	timer.stop();
	expect(timer.warning).toBe(false);
	expect(vi.getTimerCount()).toBe(0);
	browser.setVisible(true);
	vi.advanceTimersByTime(5 * TIMEOUT);
	expect(onlock).not.toHaveBeenCalled();
});

test('the dialog follows the warning reactively', () => {
	const seen: boolean[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(timer.warning);
		});
	});
	try {
		flushSync();
		timer.start();
		vi.advanceTimersByTime(TIMEOUT - MINUTE);
		flushSync();
		timer.stillHere();
		flushSync();
		expect(seen).toEqual([false, true, false]);
	} finally {
		cleanup();
	}
});
