/**
 * A token bucket per client address. It lives in each server instance's memory on purpose: it only
 * protects that instance from floods, and losing it on a restart or splitting it across instances
 * changes nothing that matters (idempotency records and keys live in the database).
 */
export class RateLimiter {
	#buckets = new Map<string, { tokens: number; updated: number }>();

	constructor(
		/** Requests allowed per minute per address; 0 turns the limit off. */
		readonly perMinute: number,
		readonly burst = Math.max(1, perMinute),
		private readonly now: () => number = Date.now
	) {}

	/** Takes one token; returns 0 when allowed, or the seconds to wait before the next try. */
	take(address: string): number {
		if (this.perMinute <= 0) return 0;
		const now = this.now();
		const rate = this.perMinute / 60_000;
		const bucket = this.#buckets.get(address) ?? { tokens: this.burst, updated: now };
		bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updated) * rate);
		bucket.updated = now;
		if (this.#buckets.size > 10_000) this.#buckets.clear();
		this.#buckets.set(address, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
	}
}
