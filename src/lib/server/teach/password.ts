import { timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';

/** OWASP Password Storage Cheat Sheet's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

/** Shortest password an administrator may set (OWASP ASVS 5.0 asks for at least 8; passphrases are encouraged). */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest accepted, so nobody can make the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

// The same password typed on different keyboards (composed or decomposed letters) must match.
const normalize = (password: string) => password.normalize('NFKC');

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string): 'too_short' | 'too_long' | undefined {
	const length = [...normalize(password)].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	return undefined;
}

/** Hashes a password with argon2id and a fresh random salt, as a PHC string (`$argon2id$v=19$m=…`). */
export async function hashPassword(password: string, salt = crypto.getRandomValues(new Uint8Array(16))) {
	const hash = await argon2id({
		password: normalize(password),
		salt,
		...ARGON2_PARAMS,
		outputType: 'binary'
	});
	const { memorySize: m, iterations: t, parallelism: p } = ARGON2_PARAMS;
	return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`;
}

/**
 * Whether the password matches the stored PHC string. The comparison takes the same time wherever
 * the bytes differ; a malformed stored hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const match = PHC.exec(stored);
	if (!match || !password || password.length > PASSWORD_MAX_LENGTH * 4) return false;
	const [, m, t, p, salt, expected] = match;
	const expectedBytes = Buffer.from(expected, 'base64');
	const actual = await argon2id({
		password: normalize(password),
		salt: Buffer.from(salt, 'base64'),
		memorySize: Number(m),
		iterations: Number(t),
		parallelism: Number(p),
		hashLength: expectedBytes.length,
		outputType: 'binary'
	});
	return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}

/** Whether a stored hash was made with other parameters than today's (rehash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
	const match = PHC.exec(stored);
	if (!match) return true;
	const { memorySize, iterations, parallelism } = ARGON2_PARAMS;
	return (
		Number(match[1]) !== memorySize || Number(match[2]) !== iterations || Number(match[3]) !== parallelism
	);
}

/** A hash of a random password, verified against when an email is unknown so both take as long. */
export const dummyHash = hashPassword(crypto.randomUUID());
