import { timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { COMMON_PASSWORDS } from './common-passwords';

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

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal' | 'repetitive';

/** What the password must not be made of: the account's own email address and the teacher's name. */
export interface PasswordContext {
	email?: string;
	name?: string;
}

/**
 * Why a new password is not acceptable, or undefined when it is: too short or too long; one of the
 * most common passwords, also with digits or symbols added at the ends or letters swapped for
 * look-alikes (`P@ssw0rd2024!`) or said twice; containing the email's local part or the teacher's
 * name (any part of three letters or more); or nothing but repeated or sequential characters
 * (`aaaaaaaaaaaa`, `abcabcabcabc`, `123456789012`, `qwertyuiop12`…).
 */
export function passwordProblem(
	password: string,
	context: PasswordContext = {}
): PasswordProblem | undefined {
	const length = [...normalize(password)].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	const text = normalize(password).toLowerCase().replace(/\s+/gu, '');
	if (onlyRunsAndRepeats(text)) return 'repetitive';
	if (isCommon(text)) return 'common';
	if (isPersonal(text, context)) return 'personal';
	return undefined;
}

/** Letters people swap for look-alike digits and symbols. */
const LOOK_ALIKES: Record<string, string> = {
	'@': 'a',
	'4': 'a',
	'3': 'e',
	'1': 'i',
	'!': 'i',
	'0': 'o',
	$: 's',
	'5': 's',
	'7': 't',
	'+': 't'
};
const unswap = (text: string) => [...text].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
const lettersAndDigits = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
/** Without the digits and symbols people put before or after a word. */
const stem = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** `text` made of `unit` said two or more times. */
function repeats(text: string, unit: string): boolean {
	return (
		unit.length > 0 &&
		text.length > unit.length &&
		text.length % unit.length === 0 &&
		unit.repeat(text.length / unit.length) === text
	);
}

/** The shortest unit `text` repeats, or the text itself. */
function repeatedUnit(text: string): string {
	for (let size = 1; size <= text.length / 2; size++)
		if (repeats(text, text.slice(0, size))) return text.slice(0, size);
	return text;
}

function isCommon(text: string): boolean {
	const stemmed = stem(text);
	const candidates = [
		text,
		stemmed,
		unswap(stemmed),
		lettersAndDigits(stemmed),
		lettersAndDigits(unswap(stemmed))
	];
	return candidates.some((candidate) => {
		const word = stem(repeatedUnit(candidate));
		return (
			COMMON_PASSWORDS.has(candidate) ||
			COMMON_PASSWORDS.has(repeatedUnit(candidate)) ||
			COMMON_PASSWORDS.has(word)
		);
	});
}

/** The parts of an email's local part or of a name worth refusing in a password (three characters or more). */
function personalParts({ email, name }: PasswordContext): string[] {
	const local = email?.split('@')[0] ?? '';
	const parts = [local, name ?? ''].flatMap((value) => {
		const lower = normalize(value).toLowerCase();
		return [lettersAndDigits(lower), ...lower.split(/[^\p{L}\p{N}]+/u)];
	});
	return [...new Set(parts)].filter((part) => [...part].length >= 3);
}

function isPersonal(text: string, context: PasswordContext): boolean {
	const forms = [lettersAndDigits(text), lettersAndDigits(unswap(text))];
	return personalParts(context).some((part) => forms.some((form) => form.includes(part)));
}

/**
 * Rows in which neighbours count as a sequence: the alphabets, digits (9 is followed by 0 again) and
 * the letter rows of the Latin, Russian and Mongolian keyboards.
 */
const SEQUENCES = [
	'abcdefghijklmnopqrstuvwxyz',
	'01234567890',
	'абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя',
	'qwertyuiop',
	'asdfghjkl',
	'zxcvbnm',
	'йцукенгшщзхъ',
	'фывапролджэ',
	'ячсмитьбю',
	'фцужэнгшүзкъ',
	'йыбөахролдп',
	'ячёсмитьвю'
];

/** How `b` follows `a`: the same character (0), the next in some sequence (1), the one before (-1). */
function stepBetween(a: string, b: string): number | undefined {
	if (a === b) return 0;
	for (const row of SEQUENCES)
		for (let i = 0; i + 1 < row.length; i++) {
			if (row[i] === a && row[i + 1] === b) return 1;
			if (row[i] === b && row[i + 1] === a) return -1;
		}
	return undefined;
}

/**
 * Whether the text is nothing but runs of at least three repeated or sequential characters
 * (`aaaa`, `abcd`, `4321`, `qwerty`), like `aaaabcdeffff` or `123456abcdef`, or uses three
 * different characters or fewer, or repeats a unit of up to four characters (`abcabcabcabc`).
 */
function onlyRunsAndRepeats(text: string): boolean {
	const chars = [...text];
	if (new Set(chars).size <= 3) return true;
	if (repeatedUnit(text).length <= 4) return true;
	let start = 0;
	while (start < chars.length) {
		const step = start + 1 < chars.length ? stepBetween(chars[start], chars[start + 1]) : undefined;
		if (step === undefined) return false;
		let end = start + 1;
		while (end + 1 < chars.length && stepBetween(chars[end], chars[end + 1]) === step) end++;
		if (end - start + 1 < 3) return false;
		start = end + 1;
	}
	return true;
}

/** One argon2id computation: the parameters, and the password already normalised. */
export interface Argon2Input {
	password: string;
	salt: Uint8Array;
	memorySize: number;
	iterations: number;
	parallelism: number;
	hashLength: number;
}

/** Computes the raw argon2id hash bytes; on this thread or, for sign-ins, in a worker (hash-pool.ts). */
export type Argon2 = (input: Argon2Input) => Promise<Uint8Array>;

/** argon2id on the calling thread: for the admin command and start-up, never on a busy request path. */
export const argon2InThisThread: Argon2 = (input) => argon2id({ ...input, outputType: 'binary' });

/** Hashes a password with argon2id and a fresh random salt, as a PHC string (`$argon2id$v=19$m=…`). */
export async function hashPassword(
	password: string,
	argon2: Argon2 = argon2InThisThread,
	salt = crypto.getRandomValues(new Uint8Array(16))
) {
	const hash = await argon2({ password: normalize(password), salt, ...ARGON2_PARAMS });
	const { memorySize: m, iterations: t, parallelism: p } = ARGON2_PARAMS;
	return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`;
}

/**
 * Whether the password matches the stored PHC string. The comparison takes the same time wherever
 * the bytes differ; a malformed stored hash never matches.
 */
export async function verifyPassword(
	password: string,
	stored: string,
	argon2: Argon2 = argon2InThisThread
): Promise<boolean> {
	const match = PHC.exec(stored);
	if (!match || !password || password.length > PASSWORD_MAX_LENGTH * 4) return false;
	const [, m, t, p, salt, expected] = match;
	const expectedBytes = Buffer.from(expected, 'base64');
	const actual = await argon2({
		password: normalize(password),
		salt: Buffer.from(salt, 'base64'),
		memorySize: Number(m),
		iterations: Number(t),
		parallelism: Number(p),
		hashLength: expectedBytes.length
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
