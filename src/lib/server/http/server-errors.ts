import { apiError, type ApiResult } from './api-result';

/**
 * What to answer when a request fails with an exception. Input validation should catch bad values
 * first; when one still reaches the database, PostgreSQL says so by the class of its SQLSTATE, and
 * the answer is a 4xx (a device retries a 5xx for ever, and this one would never succeed):
 * class 22 (data exception: a value out of range, a malformed date) and class 23 (integrity
 * constraint violation). Anything else is the server's own failure: a 500, logged once.
 */

/** The SQLSTATE of a database error, or of the error it wraps (Drizzle wraps the driver's). */
export function sqlState(error: unknown): string | undefined {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The 4xx a database error that reveals bad input deserves, or undefined for a real failure. */
export function inputErrorOf(error: unknown): ApiResult | undefined {
	const state = sqlState(error);
	if (state?.startsWith('22'))
		return apiError(400, 'invalid_body', 'A value in the request is out of range or malformed.');
	if (state?.startsWith('23'))
		return apiError(422, 'inconsistent_data', 'The request contradicts data the server holds.');
	return undefined;
}

/**
 * One line (and the stack) for the log, without the request: Drizzle's own message repeats the
 * query's parameters — the learner's name, say — so the driver's error it wraps is logged instead.
 */
export function describeError(error: unknown): string {
	let e: unknown = error;
	while (e instanceof Error && e.cause instanceof Error && ('params' in e || /^Failed query/.test(e.message)))
		e = e.cause;
	if (!(e instanceof Error)) return String(e);
	const state = sqlState(e);
	const stack = e.stack?.split('\n').slice(1).join('\n');
	return `${e.name}${state ? ` [SQLSTATE ${state}]` : ''}: ${e.message}${stack ? `\n${stack}` : ''}`;
}

/** Logs a request's failure once, saying where it happened but nothing of what was sent. */
export function logServerError(where: string, error: unknown): void {
	console.error(`${where} failed: ${describeError(error)}`);
}

/** The answer to a request that threw: a 4xx for bad input the database noticed, else a logged 500. */
export function answerFailure(where: string, error: unknown, failed: () => ApiResult): ApiResult {
	const input = inputErrorOf(error);
	if (input) return input;
	logServerError(where, error);
	return failed();
}
