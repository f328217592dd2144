/**
 * Learner secrets (a 4-digit PIN or a sequence of 3 pictures) and the device helper code are
 * stored only as salted, slow hashes, made with the browser's own WebCrypto (no library to download).
 *
 * Parameters, and why:
 * - PBKDF2 with HMAC-SHA-256, the only slow password hash WebCrypto offers in every browser
 *   (Argon2/scrypt would need a WebAssembly or JS library on the client).
 * - 600,000 iterations: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. Measured at roughly
 *   0.2–1 s on a cheap Android phone, paid once per sign-in, which a learner does not notice
 *   against the tap itself.
 * - A random 16-byte salt per secret, so equal PINs of two learners give unrelated hashes and no
 *   precomputed table applies.
 * - A 32-byte derived key, the output size of SHA-256.
 *
 * Honest limit: a PIN has only 10,000 values and a 3-of-9 picture sequence 729, so no hash can stop
 * someone who copies the database and tries them all offline. What the hash buys is that nobody can
 * read a learner's PIN (often reused from a bank card) off the device; what stops guessing inside
 * the app is the growing delay in secret-throttle.ts, kept on the device so a reload does not reset it.
 * The iteration count is stored with each hash, so it can be raised later without breaking old ones.
 */

export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;

export type SecretKind = 'pin' | 'pictures' | 'helper';

export interface StoredSecret {
	kind: SecretKind;
	algorithm: 'PBKDF2-SHA-256';
	iterations: number;
	/** base64 */
	salt: string;
	/** base64 */
	hash: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(kind: SecretKind, value: string, salt: Uint8Array, iterations: number) {
	// The kind is part of the input, so a PIN's hash can never match a picture sequence or a helper code.
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(`${kind}:${value}`),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		material,
		KEY_BITS
	);
	return new Uint8Array(bits);
}

/** Hashes a secret with a new random salt. `value` must already be normalised (see secret-rules.ts). */
export async function hashSecret(
	kind: SecretKind,
	value: string,
	iterations = PBKDF2_ITERATIONS
): Promise<StoredSecret> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(kind, value, salt, iterations);
	return { kind, algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Whether `value` is the secret that `stored` was made from. */
export async function verifySecret(stored: StoredSecret, value: string): Promise<boolean> {
	const expected = fromBase64(stored.hash);
	const actual = await derive(stored.kind, value, fromBase64(stored.salt), stored.iterations);
	if (actual.length !== expected.length) return false;
	// Compare every byte, so the time taken does not depend on where the first difference is.
	let difference = 0;
	for (let i = 0; i < actual.length; i++) difference |= actual[i] ^ expected[i];
	return difference === 0;
}
