import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { signInThrottle, teachers } from '../db/schema-teach';
import { findTeacherByEmail, normalizeEmail, type Teacher } from './accounts';
import { passwordHashing, type PasswordHashing } from './hash-pool';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession } from './sessions';
import { ACCOUNT_POLICY, ADDRESS_POLICY, retryAfterMs, type ThrottlePolicy } from './throttle';

export type SignInResult =
	| { ok: true; teacher: Teacher; token: string }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'throttled' | 'busy'; retryAfterMs: number };

/** How long a sign-in refused because too many are being checked at once is asked to wait. */
export const BUSY_RETRY_MS = 5_000;

export interface SignInOptions {
	now?: Date;
	/** Where password hashing runs: the server's worker pool unless a test gives another. */
	hashing?: PasswordHashing;
}

interface Keyed {
	key: string;
	policy: ThrottlePolicy;
}

function throttleKeys(email: string, address: string): Keyed[] {
	return [
		{ key: `account:${normalizeEmail(email)}`, policy: ACCOUNT_POLICY },
		{ key: `address:${address}`, policy: ADDRESS_POLICY }
	];
}

/** The longest wait any of the keys still imposes at `now`. */
async function currentWait(db: Database, keys: Keyed[], now: Date): Promise<number> {
	const rows = await db
		.select()
		.from(signInThrottle)
		.where(
			inArray(
				signInThrottle.key,
				keys.map((k) => k.key)
			)
		);
	return Math.max(
		0,
		...keys.map(({ key, policy }) =>
			retryAfterMs(
				rows.find((r) => r.key === key),
				now,
				policy
			)
		)
	);
}

/**
 * Counts a failure for each key in one statement per key, so concurrent tries on several instances
 * all count. Same rule as `afterFailure` in throttle.ts: a forgotten record starts again at one.
 */
async function recordFailure(db: Database, keys: Keyed[], now: Date) {
	for (const { key, policy } of keys) {
		const forgottenBefore = new Date(now.getTime() - policy.forgetAfterMs);
		await db
			.insert(signInThrottle)
			.values({ key, failures: 1, lastFailureAt: now })
			.onConflictDoUpdate({
				target: signInThrottle.key,
				set: {
					failures: sql`CASE WHEN ${signInThrottle.lastFailureAt} <= ${forgottenBefore.toISOString()}::timestamptz THEN 1 ELSE ${signInThrottle.failures} + 1 END`,
					lastFailureAt: now
				}
			});
	}
}

/**
 * Checks an email and password. Refuses at once, without hashing, when the hashing pool is full
 * ("busy"), and without looking at the password while the account or the client address must wait;
 * an unknown email takes as long as a wrong password, so the answer reveals nothing about which
 * accounts exist.
 */
export async function signIn(
	db: Database,
	input: { email: string; password: string; address: string },
	{ now = new Date(), hashing = passwordHashing() }: SignInOptions = {}
): Promise<SignInResult> {
	const slot = hashing.acquire();
	if (!slot) return { ok: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS };
	try {
		const keys = throttleKeys(input.email, input.address);
		const wait = await currentWait(db, keys, now);
		if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };

		const teacher = await findTeacherByEmail(db, input.email);
		const valid = await verifyPassword(
			input.password,
			teacher?.passwordHash ?? (await dummyHash),
			slot.argon2
		);
		if (!teacher || !valid) {
			await recordFailure(db, keys, now);
			return { ok: false, reason: 'invalid' };
		}
		if (teacher.disabledAt) return { ok: false, reason: 'disabled' };

		await db.delete(signInThrottle).where(eq(signInThrottle.key, keys[0].key));
		if (needsRehash(teacher.passwordHash))
			await db
				.update(teachers)
				.set({ passwordHash: await hashPassword(input.password, slot.argon2) })
				.where(eq(teachers.id, teacher.id));
		return { ok: true, teacher, token: await createSession(db, teacher.id, now) };
	} finally {
		slot.release();
	}
}
