import type { ProgressEventRow } from './db';
import { getLearnerSession } from './learner-session.svelte';
import { live } from './live.svelte';
import { learnerData } from './load';
import { getStorageStatus } from './storage-status.svelte';

/**
 * The current learner's progress events, live; undefined until the device data has loaded.
 * A guest's events come from memory, since nothing of theirs is written to the device.
 */
export function useLearnerEvents() {
	const session = getLearnerSession();
	const status = getStorageStatus();
	const stored = live<string, ProgressEventRow[]>(
		() => {
			if (session.state === 'loading') return undefined;
			return session.profile?.id ?? null;
		},
		async (profileId) => (await learnerData()).allEvents(profileId),
		(error) => status.report(error),
		[]
	);
	return {
		get current() {
			return session.isGuest ? session.guestEvents : stored.current;
		},
		get loaded() {
			return session.isGuest || stored.loaded;
		}
	};
}
