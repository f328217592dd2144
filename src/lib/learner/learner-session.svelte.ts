import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/content/types';
import { db, type ProfileRow } from './db';
import { currentProfile } from './profiles';
import type { StorageStatus } from './storage-status.svelte';

/** Who is learning on this device right now; created once in the root layout, in the browser. */
export class LearnerSession {
	#profile = $state.raw<ProfileRow | null>(null);
	#status: StorageStatus;

	constructor(status: StorageStatus) {
		this.#status = status;
	}

	get profile() {
		return this.#profile;
	}

	/** Opens the database and the current learner; reports a problem instead of failing silently. */
	async start(locale: Locale) {
		try {
			const database = db();
			// Another tab opened a newer version of the app and upgraded the database: Dexie closes
			// this tab's connection. Say so plainly instead of failing on the next save.
			database.on('versionchange', () => {
				database.close();
				this.#status.set('upgraded');
				return false;
			});
			this.#profile = await currentProfile(locale);
		} catch (error) {
			this.#status.report(error);
		}
	}
}

const KEY = Symbol('learner-session');

export function setLearnerSession(session: LearnerSession) {
	return setContext(KEY, session);
}

export function getLearnerSession(): LearnerSession {
	return getContext(KEY);
}
