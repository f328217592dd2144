import { threadId, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { argon2Worker, HashPool, hashPoolOptions } from './hash-pool';
import { argon2InThisThread, hashPassword, verifyPassword, type Argon2 } from './password';

const pools: HashPool[] = [];
function pool(size: number, maxQueue: number, createWorker?: () => Worker) {
	const made = new HashPool({ size, maxQueue, createWorker });
	pools.push(made);
	return made;
}
afterEach(async () => {
	await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the password hashing pool', () => {
	it('hashes in worker threads exactly as on the main thread', async () => {
		const hashing = pool(2, 4);
		const slot = hashing.acquire()!;
		const hash = await hashPassword('Нууц үг 2026 оны', slot.argon2);
		expect(await verifyPassword('Нууц үг 2026 оны', hash)).toBe(true);
		const stored = await hashPassword('a long enough password');
		expect(await verifyPassword('a long enough password', stored, slot.argon2)).toBe(true);
		expect(await verifyPassword('a wrong password here', stored, slot.argon2)).toBe(false);
		slot.release();
		expect(hashing.threads).toBeGreaterThan(0);
	});

	it('leaves the main thread free while it hashes', async () => {
		const hashing = pool(2, 4);
		const slot = hashing.acquire()!;
		/** The longest the main thread's timers wait while four password checks run. */
		async function longestPause(argon2: Argon2) {
			const stored = await hashPassword('warming up', argon2);
			let busy = true;
			const checks = Promise.all(
				[1, 2, 3, 4].map(() => verifyPassword('a long enough password', stored, argon2))
			).finally(() => (busy = false));
			let last = performance.now();
			let longest = 0;
			while (busy) {
				await new Promise((resolve) => setTimeout(resolve, 1));
				longest = Math.max(longest, performance.now() - last);
				last = performance.now();
			}
			await checks;
			return longest;
		}
		// On the main thread each argon2id (about 0.1 s) holds up everything else while it runs.
		const onMainThread = await longestPause(argon2InThisThread);
		const inWorkers = await longestPause(slot.argon2);
		expect(inWorkers).toBeLessThan(onMainThread / 2);
		expect(threadId).toBe(0);
	});

	it('gives at most size + maxQueue slots at once, and a slot again once one is given back', () => {
		const hashing = pool(1, 2);
		const held = [hashing.acquire(), hashing.acquire(), hashing.acquire()];
		expect(held.every(Boolean)).toBe(true);
		expect(hashing.acquire()).toBeUndefined();
		held[0]!.release();
		held[0]!.release(); // twice changes nothing
		expect(hashing.held).toBe(2);
		expect(hashing.acquire()).toBeDefined();
		expect(hashing.acquire()).toBeUndefined();
	});

	it('fails the work of a worker that dies, and starts a new one for the next', async () => {
		let made = 0;
		const hashing = pool(1, 1, () =>
			made++ === 0
				? new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(3));", {
						eval: true
					})
				: argon2Worker()
		);
		const slot = hashing.acquire()!;
		await expect(hashPassword('a long enough password', slot.argon2)).rejects.toThrow(/exit code 3/);
		const hash = await hashPassword('a long enough password', slot.argon2);
		expect(await verifyPassword('a long enough password', hash)).toBe(true);
		expect(made).toBe(2);
	});

	it('sizes itself from HASH_WORKERS and HASH_QUEUE', () => {
		expect(hashPoolOptions({ HASH_WORKERS: '3', HASH_QUEUE: '5' })).toMatchObject({ size: 3, maxQueue: 5 });
		expect(hashPoolOptions({ HASH_WORKERS: '1' })).toMatchObject({ size: 1, maxQueue: 8 });
		expect(hashPoolOptions({ HASH_QUEUE: '0' }).maxQueue).toBe(0);
		const fallback = hashPoolOptions({ HASH_WORKERS: 'many', HASH_QUEUE: '-1' });
		expect(fallback.size).toBeGreaterThanOrEqual(1);
		expect(fallback.size).toBeLessThanOrEqual(2);
		expect(fallback.maxQueue).toBe(8 * fallback.size);
		expect(hashPoolOptions({ HASH_WORKERS: '0' }).size).toBe(fallback.size);
	});
});
