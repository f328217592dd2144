import { getLearnerSession } from '$lib/learner/learner-session.svelte';
import { live } from '$lib/learner/live.svelte';
import { getStorageStatus } from '$lib/learner/storage-status.svelte';
import type { DeviceCertificate } from './certificate-store';

/** The current learner's certificates, live (updated when sync confirms one). */
export function useCertificates() {
	const session = getLearnerSession();
	const status = getStorageStatus();
	return live<string, DeviceCertificate[]>(
		() => (session.state === 'loading' ? undefined : (session.profile?.id ?? null)),
		// Loaded on demand, with the database, so this page's first visit stays small.
		async (profileId) => (await import('./certificate-store')).certificatesOf(profileId),
		(error) => status.report(error),
		[]
	);
}
