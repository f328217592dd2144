import { getContext, setContext } from 'svelte';

/**
 * The service worker's state as the learner sees it: whether the app now works offline, and
 * whether a new version is waiting. A waiting version is applied only when the learner asks,
 * so nothing ever reloads in the middle of a lesson.
 */
export class PwaState {
	offlineReady = $state(false);
	updateReady = $state(false);
	#apply: (() => void) | undefined;

	/** Called by the registration when a new version has installed and waits. */
	offerUpdate(apply: () => void) {
		this.#apply = apply;
		this.updateReady = true;
	}

	applyUpdate() {
		this.#apply?.();
	}

	dismissUpdate() {
		this.updateReady = false;
	}
}

const KEY = Symbol('pwa-state');

export function setPwaState(state: PwaState) {
	return setContext(KEY, state);
}

export function getPwaState(): PwaState {
	return getContext(KEY);
}
