/**
 * The one thing pages ask before loading the narration code: whether this device holds any pack
 * (the Cache Storage cache exists). Kept apart and tiny, so a page can ask without loading the store.
 */
export const NARRATION_CACHE = 'alkham-narration';

export async function hasNarration(): Promise<boolean> {
	if (typeof caches === 'undefined') return false;
	return caches.has(NARRATION_CACHE).catch(() => false);
}

/**
 * On an online start, once the page is idle: brings downloaded packs up to date with the server
 * (docs/narration.md). Nothing is loaded on a device without packs; failures leave packs as they were.
 */
export function refreshPacksWhenIdle(): void {
	if (typeof navigator === 'undefined' || !navigator.onLine) return;
	const run = async () => {
		if (!(await hasNarration())) return;
		const { createPackStore } = await import('./pack-store');
		await createPackStore().refresh();
	};
	const later = () => void run().catch(() => undefined);
	if ('requestIdleCallback' in window) requestIdleCallback(later, { timeout: 10_000 });
	else setTimeout(later, 2000);
}
