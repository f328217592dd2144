import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/content/types';
import type { ProfileRow } from './db';
import { deviceHasLearnerData, learnerData } from './load';
import type { StorageStatus } from './storage-status.svelte';

/**
 * - `loading`: not known yet;
 * - `fresh`: this device holds no learner data yet (nothing to read; created on the first save);
 * - `ready`: the current learner's profile is open;
 * - `unavailable`: the database cannot be used (the storage banner says why).
 */
export type SessionState = 'loading' | 'fresh' | 'ready' | 'unavailable';

/** Who is learning on this device right now; created once in the root layout, in the browser. */
export class LearnerSession {
	#profile = $state.raw<ProfileRow | null>(null);
	#state = $state<SessionState>('loading');
	#status: StorageStatus;
	#locale: Locale = 'mn';
	#opening: Promise<ProfileRow | null> | undefined;

	constructor(status: StorageStatus) {
		this.#status = status;
	}

	get profile() {
		return this.#profile;
	}

	get state() {
		return this.#state;
	}

	/** Opens the current learner if the device has data; a fresh device stays empty until a first save. */
	async start(locale: Locale) {
		this.#locale = locale;
		if (!(await deviceHasLearnerData())) {
			this.#state = 'fresh';
			return;
		}
		// Nothing is being saved yet, so there is nothing to retry: just say what is wrong.
		await this.#open().catch((error) => this.#status.report(error));
	}

	/**
	 * The learner whose progress is being saved, creating the device's first learner on a first save.
	 * Throws when the database cannot be used, so callers guarded by StorageStatus show why.
	 */
	async ensureProfile(): Promise<ProfileRow> {
		const profile = this.#profile ?? (await this.#open());
		if (!profile) throw new Error('No learner profile could be opened');
		return profile;
	}

	#open(): Promise<ProfileRow | null> {
		this.#opening ??= (async () => {
			try {
				const { db, currentProfile } = await learnerData();
				const database = db();
				// Another tab opened a newer version of the app and upgraded the database: Dexie closes
				// this tab's connection. Say so plainly instead of failing on the next save.
				database.on('versionchange', () => {
					database.close();
					this.#status.set('upgraded');
					return false;
				});
				this.#profile = await currentProfile(this.#locale);
				this.#state = 'ready';
				return this.#profile;
			} catch (error) {
				// Reported by the caller: a save reports it with a retry (see StorageStatus.guard).
				this.#state = 'unavailable';
				throw error;
			} finally {
				this.#opening = undefined;
			}
		})();
		return this.#opening;
	}
}

const KEY = Symbol('learner-session');

export function setLearnerSession(session: LearnerSession) {
	return setContext(KEY, session);
}

export function getLearnerSession(): LearnerSession {
	return getContext(KEY);
}
