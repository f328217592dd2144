/** The database name Dexie uses (see db.ts). */
const DATABASE_NAME = 'alkham';

/** Loads the learner-data modules (and Dexie) on demand. */
export const learnerData = () => import('./learner-data');

/**
 * Whether this device already holds Alkham's learner data. Where the browser cannot tell
 * (no indexedDB.databases()), it answers yes, so data is never hidden.
 */
export async function deviceHasLearnerData(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return false;
	if (typeof indexedDB.databases !== 'function') return true;
	try {
		return (await indexedDB.databases()).some((d) => d.name === DATABASE_NAME);
	} catch {
		return true;
	}
}
