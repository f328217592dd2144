/** Why learner data could not be read or written, in terms a learner can act on. */
export type StorageProblem = 'quota' | 'blocked' | 'upgraded' | 'unavailable' | 'unknown';

/** Classifies an error from IndexedDB or Dexie. */
export function classifyStorageError(error: unknown): StorageProblem {
	const names: string[] = [];
	let e: unknown = error;
	// Dexie wraps the browser's error; look through the chain.
	for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const name = (e as { name?: unknown }).name;
		if (typeof name === 'string') names.push(name);
		e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	if (names.includes('QuotaExceededError')) return 'quota';
	// Dexie reports a database it could not open as closed, with the reason inside (a browser that
	// refuses storage, a newer version...): judge by that reason. Only a bare "closed" means this
	// tab closed its connection because another tab upgraded the database.
	if (names[0] === 'DatabaseClosedError' && names.length > 1) names.shift();
	// A newer version of the app upgraded the database in another tab: this tab's copy is outdated.
	if (names.some((n) => n === 'VersionError' || n === 'VersionChangeError' || n === 'DatabaseClosedError'))
		return 'upgraded';
	// This tab wants to upgrade, but an older tab still holds the database open.
	if (names.includes('BlockedError')) return 'blocked';
	if (
		names.includes('MissingAPIError') ||
		names.includes('InvalidStateError') ||
		names.includes('SecurityError') ||
		names.includes('OpenFailedError')
	)
		return 'unavailable';
	return 'unknown';
}
