import { db } from '$lib/learner/db';
import type { A11yPreferences } from './settings';

/** The key of the device's last-used settings in the settings table. */
export const DEVICE_SETTINGS_KEY = 'device';

/** Stored settings, raw: read them through normalizePreferences. `undefined` where none were saved. */
export interface StoredSettings {
	learner: unknown;
	device: unknown;
}

/** A learner's own settings and the device's last-used ones, read together. */
export async function readSettings(profileId: string | null): Promise<StoredSettings> {
	const database = db();
	return database.transaction('r', database.settings, async () => {
		const [learner, device] = await Promise.all([
			profileId ? database.settings.get(profileId) : undefined,
			database.settings.get(DEVICE_SETTINGS_KEY)
		]);
		return { learner: learner?.value, device: device?.value };
	});
}

/**
 * Saves a learner's settings and, in the same transaction, makes them the device's last-used
 * settings, so the next person at this device starts from what was last in use. Without a
 * learner, only the device's record is written.
 */
export async function writeSettings(profileId: string | null, preferences: A11yPreferences) {
	const database = db();
	const updatedAt = new Date().toISOString();
	const value = { ...preferences };
	await database.transaction('rw', database.settings, async () => {
		if (profileId) await database.settings.put({ key: profileId, value, updatedAt });
		await database.settings.put({ key: DEVICE_SETTINGS_KEY, value, updatedAt });
	});
}
