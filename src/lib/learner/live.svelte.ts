import { learnerData } from './load';

/**
 * A Dexie live query as a reactive value: re-runs when the data it read changes, in this tab or
 * another, and when `key` changes (for example after a learner switch). Create it during component
 * initialisation. `key` undefined: still loading (nothing yet); `null`: there is no data on this
 * device, and `current` is `empty` at once.
 */
export function live<K, T>(
	key: () => K | null | undefined,
	query: (key: K) => Promise<T>,
	onError: (error: unknown) => void,
	empty?: T
) {
	let value = $state.raw<T | undefined>(undefined);
	let loaded = $state(false);
	$effect(() => {
		const k = key();
		loaded = false;
		if (k === undefined) {
			value = undefined;
			return;
		}
		if (k === null) {
			value = empty;
			loaded = true;
			return;
		}
		let cancelled = false;
		let subscription: { unsubscribe(): void } | undefined;
		learnerData()
			.then(({ liveQuery }) => {
				if (cancelled) return;
				subscription = liveQuery(() => query(k)).subscribe({
					next: (v) => {
						value = v;
						loaded = true;
					},
					error: onError
				});
			})
			.catch(onError);
		return () => {
			cancelled = true;
			subscription?.unsubscribe();
		};
	});
	return {
		get current() {
			return value;
		},
		/** True once a result for the current key has arrived. */
		get loaded() {
			return loaded;
		}
	};
}
