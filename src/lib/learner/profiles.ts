import type { Locale } from '$lib/content/types';
import { db, type ProfileRow } from './db';

const CURRENT_PROFILE = 'currentProfileId';

/**
 * The learner whose progress is shown. Until profiles can be chosen (shared-device support),
 * each device has one implicit learner, created on first use; every record still carries its id.
 */
export async function currentProfile(locale: Locale): Promise<ProfileRow> {
	const database = db();
	return database.transaction('rw', database.profiles, database.device, async () => {
		const current = await database.device.get(CURRENT_PROFILE);
		const existing =
			typeof current?.value === 'string' ? await database.profiles.get(current.value) : undefined;
		if (existing) return existing;
		const profile: ProfileRow = {
			id: crypto.randomUUID(),
			name: '',
			locale,
			createdAt: new Date().toISOString()
		};
		await database.profiles.add(profile);
		await database.device.put({ key: CURRENT_PROFILE, value: profile.id });
		return profile;
	});
}
