import { currentClass } from '$lib/classes/membership';
import { flushOutbox, type FlushResult } from './outbox';

/** While items wait, look again at least this often (the backoff decides the exact time). */
const MIN_TIMER_MS = 1_000;

let started = false;
let running: Promise<FlushResult | undefined> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(result: FlushResult | undefined) {
	clearTimeout(timer);
	if (result?.nextAt === undefined) return;
	timer = setTimeout(() => void flushNow(), Math.max(MIN_TIMER_MS, result.nextAt - Date.now()));
}

/**
 * Sends what is due now (everything, when the connection just came back); concurrent calls share
 * one run.
 */
export function flushNow(everything = false): Promise<FlushResult | undefined> {
	running ??= flushOutbox({
		everything,
		fetch: (...args) => fetch(...args),
		now: Date.now,
		// A learner who joined a class (on the join page) sends their certificates with its code.
		classCode: async (profileId) => (await currentClass(profileId))?.code
	})
		.catch((error) => {
			console.error(error);
			return undefined;
		})
		.then((result) => {
			schedule(result);
			return result;
		})
		.finally(() => {
			running = undefined;
		});
	return running;
}

/**
 * Starts the browser side of sync (once per tab): flushes now, when the connection comes back, when
 * the page becomes visible again, and on a timer while anything is pending. The service worker adds
 * Background Sync, which replays a failed request even after the tab is closed.
 */
export function startSync() {
	if (!started) {
		started = true;
		window.addEventListener('online', () => void flushNow(true));
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void flushNow();
		});
	}
	return flushNow();
}
