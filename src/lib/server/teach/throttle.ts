/**
 * Sign-in throttling, as pure rules over a stored record per key (one key per account, one per
 * client address). A few mistakes cost nothing; after that each failure locks the key for a delay
 * that doubles, up to a cap; a quiet day forgets the count. The records live in the database so
 * every server instance applies the same limits.
 */
export interface ThrottlePolicy {
	/** Failures allowed before any wait. */
	freeFailures: number;
	/** Wait after the first failure beyond the free ones; doubles with each further failure. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A record with no failure for this long starts again from zero. */
	forgetAfterMs: number;
}

export interface ThrottleRecord {
	failures: number;
	lastFailureAt: Date;
}

const MINUTE = 60_000;

/** Per account: five tries, then 15 s, 30 s, 1 min … up to 15 min between tries. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	baseDelayMs: 15_000,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: 24 * 60 * MINUTE
};

/** Per client address: more free tries, since a whole school may share one address. */
export const ADDRESS_POLICY: ThrottlePolicy = { ...ACCOUNT_POLICY, freeFailures: 20 };

/** The wait imposed after the given number of consecutive failures. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
	if (failures < policy.freeFailures) return 0;
	const doublings = Math.min(failures - policy.freeFailures, 30);
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/** Failures that still count at `now` (zero once the record is forgotten). */
export function activeFailures(
	record: ThrottleRecord | undefined,
	now: Date,
	policy: ThrottlePolicy
): number {
	if (!record) return 0;
	return now.getTime() - record.lastFailureAt.getTime() >= policy.forgetAfterMs ? 0 : record.failures;
}

/** Milliseconds to wait before the next try is allowed; 0 when a try is allowed now. */
export function retryAfterMs(record: ThrottleRecord | undefined, now: Date, policy: ThrottlePolicy): number {
	const failures = activeFailures(record, now, policy);
	if (!record || failures === 0) return 0;
	const until = record.lastFailureAt.getTime() + delayAfter(failures, policy);
	return Math.max(0, until - now.getTime());
}

/** The record after one more failure at `now`. */
export function afterFailure(
	record: ThrottleRecord | undefined,
	now: Date,
	policy: ThrottlePolicy
): ThrottleRecord {
	return { failures: activeFailures(record, now, policy) + 1, lastFailureAt: now };
}
