import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { teachers } from '../db/schema-teach';
import { findTeacherByEmail, normalizeEmail, type Teacher } from './accounts';
import { throttleAddress } from './client-address';
import { passwordHashing, type PasswordHashing } from './hash-pool';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession } from './sessions';
import { ACCOUNT_ADDRESS_POLICY, ACCOUNT_POLICY, ADDRESS_POLICY } from './throttle';
import {
	clearKey,
	countOnEveryKey,
	forgetOldRecords,
	uncountAttempt,
	type ThrottleKey
} from './throttle-store';

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

/**
 * The throttle's keys for a sign-in, narrowest first (see throttle.ts): this account from this
 * address, this address for any account, this account from anywhere.
 */
export function signInKeys(email: string, address: string): ThrottleKey[] {
	const account = normalizeEmail(email);
	const from = throttleAddress(address);
	return [
		{ key: `account+address:${account} ${from}`, policy: ACCOUNT_ADDRESS_POLICY },
		{ key: `address:${from}`, policy: ADDRESS_POLICY },
		{ key: `account:${account}`, policy: ACCOUNT_POLICY }
	];
}

/** Old throttle records are deleted at most this often per server instance. */
const FORGET_EVERY_MS = 60 * 60_000;
let forgotAt = 0;

/**
 * Checks an email and password. In order, each step refusing without doing the later ones:
 * 1. takes a place in the password hashing pool, or answers "busy";
 * 2. counts the attempt on each throttle key, or answers "throttled" (the count is taken back from
 *    keys already counted) — so concurrent attempts can never get more password checks than the
 *    policies allow;
 * 3. checks the password; an unknown email is checked against a dummy hash and takes as long as a
 *    wrong password, so the answer reveals nothing about which accounts exist.
 * A failure stays counted. A success forgets the account's record from this address and takes its
 * attempt back from the address and the account.
 */
export async function signIn(
	db: Database,
	input: { email: string; password: string; address: string },
	{ now = new Date(), hashing = passwordHashing() }: SignInOptions = {}
): Promise<SignInResult> {
	const slot = hashing.acquire();
	if (!slot) return { ok: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS };
	try {
		const keys = signInKeys(input.email, input.address);
		const counted = await countOnEveryKey(db, keys, now);
		if (!counted.ok) return { ok: false, reason: 'throttled', retryAfterMs: counted.retryAfterMs };

		let teacher: Teacher | undefined;
		let valid: boolean;
		try {
			teacher = await findTeacherByEmail(db, input.email);
			valid = await verifyPassword(input.password, teacher?.passwordHash ?? (await dummyHash), slot.argon2);
		} catch (error) {
			// Not the visitor's failure (the database or a hashing thread failed): nothing was checked.
			for (const { key } of keys) await uncountAttempt(db, key).catch(() => {});
			throw error;
		}
		if (!teacher || !valid) {
			if (now.getTime() - forgotAt >= FORGET_EVERY_MS) {
				forgotAt = now.getTime();
				await forgetOldRecords(db, now);
			}
			return { ok: false, reason: 'invalid' };
		}
		if (teacher.disabledAt) return { ok: false, reason: 'disabled' };

		const [accountAddress, ...shared] = keys;
		await clearKey(db, accountAddress.key);
		for (const { key } of shared) await uncountAttempt(db, key);
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
