import { describe, expect, test } from 'vitest';
import { PBKDF2_ITERATIONS, hashSecret, verifySecret } from './secret-hash';

// A low count keeps most tests fast; one test checks the real default.
const FAST = 1_000;

describe('secret hashing', () => {
	test('verifies the right secret and refuses a wrong one', async () => {
		const stored = await hashSecret('pin', '2580', FAST);
		expect(await verifySecret(stored, '2580')).toBe(true);
		expect(await verifySecret(stored, '2581')).toBe(false);
		expect(await verifySecret(stored, '')).toBe(false);
	});

	test('never stores the secret itself', async () => {
		const stored = await hashSecret('pin', '2580', FAST);
		expect(JSON.stringify(stored)).not.toContain('2580');
		expect(Object.keys(stored).sort()).toEqual(['algorithm', 'hash', 'iterations', 'kind', 'salt']);
	});

	test('salts each hash, so two learners with the same PIN get different hashes', async () => {
		const a = await hashSecret('pin', '1234', FAST);
		const b = await hashSecret('pin', '1234', FAST);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
		expect(atob(a.salt)).toHaveLength(16);
		expect(atob(a.hash)).toHaveLength(32);
	});

	test('keeps kinds apart: a PIN hash never accepts the same text as another kind', async () => {
		const pin = await hashSecret('pin', '1234', FAST);
		expect(await verifySecret({ ...pin, kind: 'helper' }, '1234')).toBe(false);
	});

	test('uses PBKDF2-SHA-256 with 600,000 iterations by default and records the count', async () => {
		const stored = await hashSecret('pictures', 'sun,moon,tree');
		expect(stored.algorithm).toBe('PBKDF2-SHA-256');
		expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		expect(await verifySecret(stored, 'sun,moon,tree')).toBe(true);
	});

	test('verifies with the iteration count stored in the hash', async () => {
		const stored = await hashSecret('pin', '0000', 2_000);
		expect(await verifySecret(stored, '0000')).toBe(true);
		expect(await verifySecret({ ...stored, iterations: 2_001 }, '0000')).toBe(false);
	});
});
