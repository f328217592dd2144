import { liveQuery } from 'dexie';

/**
 * A Dexie live query as a reactive value: re-runs when the data it read changes, in this tab or
 * another, and when `key` changes (for example after a learner switch). Create it during component
 * initialisation. While `key` is undefined there is nothing to query and `current` stays undefined.
 */
export function live<K, T>(
	key: () => K | undefined,
	query: (key: K) => Promise<T>,
	onError: (error: unknown) => void
) {
	let value = $state.raw<T | undefined>(undefined);
	let loadedKey = $state.raw<K | undefined>(undefined);
	$effect(() => {
		const k = key();
		if (k === undefined) {
			value = undefined;
			return;
		}
		const subscription = liveQuery(() => query(k)).subscribe({
			next: (v) => {
				value = v;
				loadedKey = k;
			},
			error: onError
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return value;
		},
		/** True once a result for the current key has arrived. */
		get loaded() {
			return loadedKey !== undefined && loadedKey === key();
		}
	};
}
