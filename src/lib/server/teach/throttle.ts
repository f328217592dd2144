/**
 * Sign-in throttling, as pure rules over a stored record per key (throttle-store.ts applies the
 * same rules atomically in the database, so every server instance shares them). An attempt is
 * counted *before* its password is checked, and only if the key allows one at that moment;
 * otherwise it is refused without hashing. Two kinds of rule:
 *
 * - **backoff**: a few attempts are free; after that each one must wait a delay after the previous
 *   one that doubles, up to a cap; a quiet period forgets the count. The record holds the attempts
 *   counted and when the last one was.
 * - **bucket**: at most `capacity` attempts are outstanding; one drains away every `leakEveryMs`.
 *   The record holds the attempts outstanding as of its time, which only moves by whole drained
 *   intervals, so no part of an interval is lost.
 *
 * Keys (sign-in.ts), so that a stranger cannot lock a teacher out (docs/teacher-mode.md):
 * the account from one address (strict backoff), one address over every account (a school may share
 * one: more free tries) and the account from anywhere (a bucket, far above what one address can
 * ever send, against guessing from many addresses).
 */
export interface BackoffPolicy {
	kind: 'backoff';
	/** Attempts allowed before any wait. */
	freeFailures: number;
	/** Wait after the first attempt beyond the free ones; doubles with each further one. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A record with no attempt for this long starts again from zero. */
	forgetAfterMs: number;
}

export interface BucketPolicy {
	kind: 'bucket';
	/** Attempts that may be outstanding at once. */
	capacity: number;
	/** One outstanding attempt drains away each interval. */
	leakEveryMs: number;
}

export type ThrottlePolicy = BackoffPolicy | BucketPolicy;

/** The stored record (table sign_in_throttle): attempts counted, and the time they count from. */
export interface ThrottleRecord {
	failures: number;
	lastFailureAt: Date;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One account from one address: five tries, then 15 s, 30 s, 1 min … up to 15 min between tries. */
export const ACCOUNT_ADDRESS_POLICY: BackoffPolicy = {
	kind: 'backoff',
	freeFailures: 5,
	baseDelayMs: 15_000,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: DAY
};

/** One client address, whatever the account: more free tries, since a whole school may share one address. */
export const ADDRESS_POLICY: BackoffPolicy = { ...ACCOUNT_ADDRESS_POLICY, freeFailures: 20 };

/**
 * One account, from every address together: 50 attempts, then one more every 10 minutes (about 200
 * a day at most, however many addresses an attacker has). One address on its own can never fill it:
 * its own keys let it try at most once per 15 minutes after its first dozen tries.
 */
export const ACCOUNT_POLICY: BucketPolicy = { kind: 'bucket', capacity: 50, leakEveryMs: 10 * MINUTE };

/** A record older than this says nothing under any policy above, and may be deleted. */
export const FORGET_RECORDS_AFTER_MS = DAY;

/** The wait a backoff key imposes after the given number of counted attempts. */
export function delayAfter(failures: number, policy: BackoffPolicy): number {
	if (failures < policy.freeFailures) return 0;
	const doublings = Math.min(failures - policy.freeFailures, 30);
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/** Whole leak intervals since the record's time (never negative, should clocks disagree). */
function leaked(record: ThrottleRecord, now: Date, policy: BucketPolicy): number {
	return Math.max(0, Math.floor((now.getTime() - record.lastFailureAt.getTime()) / policy.leakEveryMs));
}

/** Attempts that still count at `now`. */
export function activeFailures(
	record: ThrottleRecord | undefined,
	now: Date,
	policy: ThrottlePolicy
): number {
	if (!record) return 0;
	if (policy.kind === 'bucket') return Math.max(0, record.failures - leaked(record, now, policy));
	return now.getTime() - record.lastFailureAt.getTime() >= policy.forgetAfterMs ? 0 : record.failures;
}

/** Milliseconds until the key allows another attempt; 0 when one is allowed now. */
export function retryAfterMs(record: ThrottleRecord | undefined, now: Date, policy: ThrottlePolicy): number {
	const failures = activeFailures(record, now, policy);
	if (!record || failures === 0) return 0;
	const until =
		policy.kind === 'bucket'
			? failures < policy.capacity
				? 0
				: record.lastFailureAt.getTime() + (record.failures - policy.capacity + 1) * policy.leakEveryMs
			: record.lastFailureAt.getTime() + delayAfter(failures, policy);
	return Math.max(0, until - now.getTime());
}

/** The record after one more attempt is counted at `now` (only when `retryAfterMs` is 0). */
export function afterAttempt(
	record: ThrottleRecord | undefined,
	now: Date,
	policy: ThrottlePolicy
): ThrottleRecord {
	const failures = activeFailures(record, now, policy);
	if (policy.kind === 'backoff' || !record || failures === 0)
		return { failures: failures + 1, lastFailureAt: now };
	const drained = leaked(record, now, policy);
	return {
		failures: failures + 1,
		lastFailureAt: new Date(record.lastFailureAt.getTime() + drained * policy.leakEveryMs)
	};
}
