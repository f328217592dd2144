import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerFailure, describeError, inputErrorOf, sqlState } from './server-errors';
import { apiError } from './api-result';

/** A driver error with a SQLSTATE, wrapped the way Drizzle wraps it (its message repeats the parameters). */
function drizzleError(code: string | undefined, message = 'boom') {
	const cause = Object.assign(new Error(message), code ? { code } : {});
	return Object.assign(new Error('Failed query: INSERT INTO certificates …\nparams: Болд,2026-02-30'), {
		params: ['Болд', '2026-02-30'],
		cause
	});
}

const failed = () => apiError(500, 'internal_error', 'x');

describe('database errors', () => {
	afterEach(() => vi.restoreAllMocks());

	test('are known by their SQLSTATE, also when wrapped', () => {
		expect(sqlState(drizzleError('22008'))).toBe('22008');
		expect(sqlState(Object.assign(new Error(), { code: '23505' }))).toBe('23505');
		expect(sqlState(Object.assign(new Error(), { code: 'ECONNREFUSED' }))).toBeUndefined();
		expect(sqlState('not an error')).toBeUndefined();
	});

	test.each([
		['22008', 400, 'invalid_body'], // datetime field overflow
		['22007', 400, 'invalid_body'], // invalid datetime format
		['22P05', 400, 'invalid_body'], // untranslatable character
		['23505', 422, 'inconsistent_data'], // unique violation
		['23503', 422, 'inconsistent_data'] // foreign key violation
	])('SQLSTATE %s, which reveals bad input, answers %i %s', (code, status, errorCode) => {
		const result = inputErrorOf(drizzleError(code));
		expect(result?.status).toBe(status);
		expect(JSON.parse(result!.body).error.code).toBe(errorCode);
	});

	test('other failures are the server’s: a 500, logged once and without the request', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		for (const error of [
			drizzleError('57P01', 'terminating connection'),
			drizzleError(undefined),
			new Error('gone')
		])
			expect(answerFailure('POST /api/v1/certificates', error, failed).status).toBe(500);
		expect(log).toHaveBeenCalledTimes(3);
		const logged = log.mock.calls.map((call) => call.join(' ')).join('\n');
		expect(logged).toMatch(
			/POST \/api\/v1\/certificates failed: error \[SQLSTATE 57P01\]: terminating connection/i
		);
		expect(logged).not.toMatch(/Болд|2026-02-30|params/);
	});

	test('an input error is answered without being logged', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(answerFailure('x', drizzleError('22008'), failed).status).toBe(400);
		expect(log).not.toHaveBeenCalled();
	});

	test('a log line names the error and where it came from', () => {
		expect(describeError('a string')).toBe('a string');
		expect(describeError(new TypeError('bad'))).toMatch(/^TypeError: bad\n\s+at /);
	});
});
