import { db } from './db';

const ASKED = 'persistenceRequested';

/**
 * Asks the browser to keep Alkham's data even when the device runs low on space.
 * Called after the first saved progress, which follows a learner's action (browsers grant
 * the request more readily then); asked once per device.
 */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return undefined;
	const database = db();
	if (await database.device.get(ASKED)) return undefined;
	await database.device.put({ key: ASKED, value: new Date().toISOString() });
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}
