/**
 * Wrong secrets slow down: a few free tries (people mistype), then a wait that doubles with each
 * further wrong try, up to a ceiling. It is a throttle, not a timed task: nothing is lost by waiting
 * and the message says how long. The state lives on the device (the profile row or the device
 * table), so a reload or a new tab does not reset it.
 *
 * With 3 free tries, then 30 s doubling to at most 15 minutes, trying all 10,000 PINs in the app
 * would take over three months; a learner who mistypes twice never waits at all.
 */

export const FREE_TRIES = 3;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleState {
	/** Wrong tries in a row. */
	failures: number;
	/** ISO time before which no further try is checked. */
	until?: string;
}

/** The wait imposed after `failures` wrong tries in a row. */
export function delayAfter(failures: number): number {
	if (failures < FREE_TRIES) return 0;
	return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);
}

/** Milliseconds still to wait before the next try may be checked (0: try now). */
export function waitRemaining(state: ThrottleState | undefined, now: Date): number {
	if (!state?.until) return 0;
	return Math.max(0, Date.parse(state.until) - now.getTime());
}

/** The state after one more wrong try at `now`. */
export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
	const failures = (state?.failures ?? 0) + 1;
	const delay = delayAfter(failures);
	return delay > 0 ? { failures, until: new Date(now.getTime() + delay).toISOString() } : { failures };
}

/** Whole seconds to show a learner, rounded up so "0 seconds" is never shown while waiting. */
export function secondsToWait(ms: number): number {
	return Math.ceil(ms / 1000);
}
