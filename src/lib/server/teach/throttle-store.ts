import { eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { signInThrottle } from '../db/schema-teach';
import {
	FORGET_RECORDS_AFTER_MS,
	retryAfterMs,
	type BucketPolicy,
	type BackoffPolicy,
	type ThrottlePolicy
} from './throttle';

/**
 * The throttle's records in the database (table sign_in_throttle), shared by every server instance.
 * The rules are those of throttle.ts, written once more in SQL so that checking a key and counting
 * an attempt on it is one statement: `INSERT … ON CONFLICT DO UPDATE … WHERE <allowed> RETURNING`.
 * The row lock serialises concurrent attempts on a key — from one process (PGlite) or many
 * (PostgreSQL) — and each sees the count the previous one left, so thirty parallel guesses get
 * exactly as many checks as the policy allows, not thirty.
 */

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

const t = signInThrottle;
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const ms = (value: SQL | number) =>
	sql`(${typeof value === 'number' ? sql`${value}::double precision` : value}) * interval '1 millisecond'`;

/** The update that counts one attempt, and the condition under which the key allows it (backoff). */
function backoff(policy: BackoffPolicy, now: Date) {
	const forgotten = sql`${t.lastFailureAt} <= ${at(new Date(now.getTime() - policy.forgetAfterMs))}`;
	const delay = sql`LEAST(${policy.maxDelayMs}::double precision, ${policy.baseDelayMs}::double precision * power(2, LEAST(GREATEST(${t.failures} - ${policy.freeFailures}::integer, 0), 30)))`;
	return {
		set: { failures: sql`CASE WHEN ${forgotten} THEN 1 ELSE ${t.failures} + 1 END`, lastFailureAt: now },
		allowed: sql`(${forgotten} OR ${t.failures} < ${policy.freeFailures}::integer OR ${t.lastFailureAt} + ${ms(delay)} <= ${at(now)})`
	};
}

/** The same for a bucket: the record's time moves on by whole drained intervals only. */
function bucket(policy: BucketPolicy, now: Date) {
	const leak = policy.leakEveryMs;
	const drained = sql`GREATEST(floor(extract(epoch from (${at(now)} - ${t.lastFailureAt})) * 1000 / ${leak}::double precision), 0)`;
	const level = sql`GREATEST(${t.failures} - ${drained}, 0)`;
	return {
		set: {
			failures: sql`(${level} + 1)::integer`,
			lastFailureAt: sql`CASE WHEN ${level} = 0 THEN ${at(now)} ELSE ${t.lastFailureAt} + ${ms(sql`${drained} * ${leak}::double precision`)} END`
		},
		allowed: sql`${level} < ${policy.capacity}::integer`
	};
}

/**
 * Counts one attempt on the key if its policy allows one at `now`, in one atomic statement.
 * Returns whether it was counted.
 */
export async function countAttempt(db: Database, { key, policy }: ThrottleKey, now: Date): Promise<boolean> {
	const { set, allowed } = policy.kind === 'bucket' ? bucket(policy, now) : backoff(policy, now);
	const rows = await db
		.insert(t)
		.values({ key, failures: 1, lastFailureAt: now })
		.onConflictDoUpdate({ target: t.key, set, setWhere: allowed })
		.returning({ failures: t.failures });
	return rows.length > 0;
}

/** Takes back one counted attempt: it was never checked (a later key refused it) or it succeeded. */
export async function uncountAttempt(db: Database, key: string): Promise<void> {
	await db
		.update(t)
		.set({ failures: sql`GREATEST(${t.failures} - 1, 0)` })
		.where(eq(t.key, key));
}

/** Forgets a key altogether (an account's record from the address a teacher just signed in from). */
export async function clearKey(db: Database, key: string): Promise<void> {
	await db.delete(t).where(eq(t.key, key));
}

/** How long the key still makes attempts wait (for Retry-After; at least a second). */
export async function waitOf(db: Database, { key, policy }: ThrottleKey, now: Date): Promise<number> {
	const [record] = await db.select().from(t).where(eq(t.key, key));
	return Math.max(1000, retryAfterMs(record, now, policy));
}

/**
 * Counts the attempt on every key in turn; if one refuses, takes it back from those already
 * counted (it will not be checked) and says how long to wait. Keys go from the narrowest to the
 * widest, so attempts an address is refused on its own never reach the keys others share.
 */
export async function countOnEveryKey(
	db: Database,
	keys: ThrottleKey[],
	now: Date
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
	for (const [i, key] of keys.entries()) {
		if (await countAttempt(db, key, now)) continue;
		for (const counted of keys.slice(0, i)) await uncountAttempt(db, counted.key);
		return { ok: false, retryAfterMs: await waitOf(db, key, now) };
	}
	return { ok: true };
}

/** Deletes records that no longer say anything (no attempt for a day), so the table stays small. */
export async function forgetOldRecords(db: Database, now: Date): Promise<void> {
	await db.delete(t).where(lt(t.lastFailureAt, new Date(now.getTime() - FORGET_RECORDS_AFTER_MS)));
}
