/** First retry waits up to this long. */
export const BASE_DELAY_MS = 2_000;
/** No retry waits longer than five minutes. */
export const MAX_DELAY_MS = 5 * 60 * 1000;

/**
 * Full-jitter exponential backoff: a random wait between 0 and min(cap, base·2^attempt), so many
 * devices coming back online at once do not all retry at the same moment.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt));
	return Math.floor(random() * ceiling);
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), as milliseconds. */
export function retryAfterMs(header: string | null, now: number): number {
	if (!header) return 0;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}

/** When to try again: never sooner than the server asked, capped at five minutes. */
export function nextAttemptAt(
	attempt: number,
	now: number,
	retryAfter: string | null,
	random?: () => number
) {
	return now + Math.min(MAX_DELAY_MS, Math.max(backoffDelay(attempt, random), retryAfterMs(retryAfter, now)));
}
