/**
 * What a database failure means for the request that met it. Both drivers report PostgreSQL's
 * SQLSTATE codes (`error.code`); pg also reports the network's own codes (ECONNREFUSED …) and
 * "Connection terminated" when the server went away mid-query.
 */
export type DatabaseFailure =
	/** The database cannot be reached right now (down, restarting, network cut): try again soon. */
	| 'unavailable'
	/** The disk or memory under the database is exhausted: nothing was stored; try again later. */
	| 'full'
	/** Anything else: a real server error. */
	| 'unexpected';

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN'
]);

export function classifyDatabaseError(error: unknown): DatabaseFailure {
	// Drizzle wraps the driver's error (as `cause`): look at each layer.
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const failure = classifyOne(e);
		if (failure !== 'unexpected') return failure;
		e = (e as { cause?: unknown }).cause;
	}
	return 'unexpected';
}

function classifyOne(error: object): DatabaseFailure {
	const code = String((error as { code?: unknown }).code ?? '');
	const message = error instanceof Error ? error.message : '';
	// Class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
	if (code.startsWith('08') || /^57P0[123]$/.test(code) || NETWORK_CODES.has(code)) return 'unavailable';
	if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message))
		return 'unavailable';
	// Class 53: insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections).
	if (code === '53300') return 'unavailable';
	if (code.startsWith('53') || /No space left on device/i.test(message)) return 'full';
	return 'unexpected';
}
