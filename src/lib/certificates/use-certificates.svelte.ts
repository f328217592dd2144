import { getLearnerSession } from '$lib/learner/learner-session.svelte';
import { live } from '$lib/learner/live.svelte';
import { getStorageStatus } from '$lib/learner/storage-status.svelte';
import { certificatesOf } from './certificate-store';

/** The current learner's certificates, live (updated when sync confirms one). */
export function useCertificates() {
	const session = getLearnerSession();
	const status = getStorageStatus();
	return live(
		() => session.profile?.id,
		(profileId) => certificatesOf(profileId),
		(error) => status.report(error)
	);
}
