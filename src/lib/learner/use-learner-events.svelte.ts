import { getLearnerSession } from './learner-session.svelte';
import { live } from './live.svelte';
import { allEvents } from './progress-store';
import { getStorageStatus } from './storage-status.svelte';

/** The current learner's progress events, live; undefined until the device data has loaded. */
export function useLearnerEvents() {
	const session = getLearnerSession();
	const status = getStorageStatus();
	return live(
		() => session.profile?.id,
		(profileId) => allEvents(profileId),
		(error) => status.report(error)
	);
}
