import { deviceHasLearnerData, learnerData } from '$lib/learner/load';
import type { PwaState } from './pwa-state.svelte';

/**
 * Starts sync when certificates earned earlier still wait to be sent. The sync code loads only
 * then, so a first visit never downloads it.
 */
export async function startPendingSync() {
	try {
		if (!(await deviceHasLearnerData())) return;
		const { db } = await learnerData();
		if ((await db().outbox.count()) === 0) return;
	} catch {
		return;
	}
	(await import('$lib/sync/sync-client')).startSync();
}

/** How often an open app looks for a new version: hourly, so a tablet left open still updates. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker with prompt-style updates. workbox-window is loaded only after
 * the page is interactive, so it does not weigh on the first paint.
 */
export async function registerServiceWorker(state: PwaState) {
	if (!('serviceWorker' in navigator)) return;
	const { Workbox } = await import('workbox-window');
	const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });

	wb.addEventListener('installed', (event) => {
		if (!event.isUpdate) state.offlineReady = true;
	});
	wb.addEventListener('waiting', () => {
		state.offerUpdate(() => {
			// Reload once the new worker controls the page; only ever after the learner chose to update.
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		});
	});

	const registration = await wb.register();
	if (registration)
		setInterval(() => {
			if (navigator.onLine) registration.update().catch(() => {});
		}, UPDATE_CHECK_MS);
}
