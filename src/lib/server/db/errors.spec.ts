import { describe, expect, test } from 'vitest';
import { classifyDatabaseError } from './errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyDatabaseError', () => {
	test('a database that is away is unavailable, whichever driver says so', () => {
		for (const error of [
			withCode('ECONNREFUSED'),
			withCode('ECONNRESET'),
			withCode('08006'),
			withCode('57P01'),
			withCode('53300'),
			new Error('Connection terminated unexpectedly')
		])
			expect(classifyDatabaseError(error)).toBe('unavailable');
	});

	test('a full disk is full (PostgreSQL and PGlite say 53100)', () => {
		expect(classifyDatabaseError(withCode('53100', 'could not extend file: No space left on device'))).toBe(
			'full'
		);
		expect(classifyDatabaseError(new Error('write failed: No space left on device'))).toBe('full');
	});

	test('an error wrapped by Drizzle is classified by the driver error inside it', () => {
		const wrapped = new Error('Failed query: insert … params: Сараа', { cause: withCode('53100') });
		expect(classifyDatabaseError(wrapped)).toBe('full');
	});

	test('anything else is unexpected', () => {
		expect(classifyDatabaseError(withCode('42P01'))).toBe('unexpected');
		expect(classifyDatabaseError(new TypeError('bug'))).toBe('unexpected');
		expect(classifyDatabaseError(undefined)).toBe('unexpected');
	});
});
