import { flushSync } from 'svelte';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { StorageStatus } from './storage-status.svelte';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** How Dexie reports a failed write: its own error, with the browser's inside. */
const dexieQuota = () =>
	Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });

beforeEach(() => {
	// report() logs every failure for the developer; keep the test output readable.
	vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('a failed write', () => {
	test('is reported in terms a learner can act on, and logged', () => {
		const status = new StorageStatus();
		status.report(dexieQuota());
		expect(status.problem).toBe('quota');
		expect(console.error).toHaveBeenCalledOnce();
	});

	test('guard says whether the write succeeded and keeps the failed one for a retry', async () => {
		const status = new StorageStatus();
		let full = true;
		const saved: string[] = [];
		const write = vi.fn(async () => {
			if (full) throw dexieQuota();
			saved.push('lesson done');
		});
		expect(await status.guard(write)).toBe(false);
		expect(status.problem).toBe('quota');
		expect(status.canRetry).toBe(true);

		// The learner freed some space and pressed "Try again": the very same write is repeated.
		full = false;
		await status.retry();
		expect(write).toHaveBeenCalledTimes(2);
		expect(saved).toEqual(['lesson done']);
		expect(status.problem).toBeNull();
		expect(status.canRetry).toBe(false);
	});

	test('that fails again on retry stays reported, ready for another retry', async () => {
		const status = new StorageStatus();
		const write = vi.fn(async () => {
			throw quota();
		});
		await status.guard(write);
		await status.retry();
		expect(write).toHaveBeenCalledTimes(2);
		expect(status.problem).toBe('quota');
		expect(status.canRetry).toBe(true);
	});

	test('keeps a failed write for the retry when a later failure comes without one', async () => {
		const status = new StorageStatus();
		let full = true;
		const saved: string[] = [];
		const lessonDone = vi.fn(async () => {
			if (full) throw quota();
			saved.push('lesson done');
		});
		const certificate = vi.fn(async () => {
			if (full) throw quota();
			saved.push('certificate');
		});
		await status.guard(lessonDone);
		// The same full disk, reported by code that has nothing to repeat.
		status.report(quota());
		expect(status.canRetry).toBe(true);
		await status.guard(certificate);
		expect(status.problem).toBe('quota');
		expect(status.canRetry).toBe(true);

		full = false;
		await status.retry();
		expect(saved).toEqual(['lesson done', 'certificate']);
		expect(status.problem).toBeNull();
		expect(status.canRetry).toBe(false);
	});

	test('offers no retry for problems a retry cannot fix', async () => {
		const status = new StorageStatus();
		await status.guard(async () => {
			throw Object.assign(new Error('blocked'), { name: 'BlockedError' });
		});
		expect(status.problem).toBe('blocked');
		expect(status.canRetry).toBe(false);
	});

	test('retry without a failed write does nothing', async () => {
		const status = new StorageStatus();
		await status.retry();
		expect(status.problem).toBeNull();
	});
});

describe('a later write that succeeds', () => {
	test('clears a passing problem such as a full disk', async () => {
		const status = new StorageStatus();
		await status.guard(async () => {
			throw quota();
		});
		expect(await status.guard(async () => {})).toBe(true);
		expect(status.problem).toBeNull();
	});

	test('does not hide that another tab upgraded the database', async () => {
		const status = new StorageStatus();
		status.set('upgraded');
		expect(await status.guard(async () => {})).toBe(true);
		expect(status.problem).toBe('upgraded');
		expect(status.canRetry).toBe(false);
	});
});

test('a problem known without an error replaces an earlier failure and its retry', async () => {
	const status = new StorageStatus();
	await status.guard(async () => {
		throw quota();
	});
	status.set('upgraded');
	expect(status.problem).toBe('upgraded');
	expect(status.canRetry).toBe(false);
	status.clear();
	expect(status.problem).toBeNull();
});

test('the storage banner follows the problem reactively', async () => {
	const status = new StorageStatus();
	const seen: (string | null)[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(status.problem);
		});
	});
	try {
		flushSync();
		await status.guard(async () => {
			throw quota();
		});
		flushSync();
		await status.guard(async () => {});
		flushSync();
		expect(seen).toEqual([null, 'quota', null]);
	} finally {
		cleanup();
	}
});
