/**
 * Class join codes: short, read aloud in a classroom and typed on a phone, so they use no characters
 * that look alike (no 0/O, 1/I/L). 31 symbols over 6 places give ~887 million codes.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

// Mongolian keyboards type Cyrillic: letters that look exactly like a Latin code letter are read as it.
const CYRILLIC_LOOKALIKES: Record<string, string> = {
	А: 'A',
	В: 'B',
	Е: 'E',
	К: 'K',
	М: 'M',
	Н: 'H',
	Р: 'P',
	С: 'C',
	Т: 'T',
	У: 'Y',
	Х: 'X',
	З: '3'
};

/** A new random join code; `random` fills a byte array (crypto.getRandomValues by default). */
export function generateJoinCode(
	random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)
): string {
	// Rejection sampling keeps every symbol equally likely: 248 = 8 × 31 is the largest multiple below 256.
	const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const byte of random(new Uint8Array(JOIN_CODE_LENGTH * 2))) {
			if (byte >= limit) continue;
			code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
			if (code.length === JOIN_CODE_LENGTH) break;
		}
	}
	return code;
}

/**
 * The code as typed, tidied: upper case, spaces and dashes removed, Cyrillic look-alikes read as
 * Latin letters. The result may still be invalid (see isJoinCode).
 */
export function normalizeJoinCode(input: string): string {
	return [...input.normalize('NFKC').toUpperCase()]
		.filter((ch) => !/[\s\-_.]/.test(ch))
		.map((ch) => CYRILLIC_LOOKALIKES[ch] ?? ch)
		.join('');
}

/** Whether a (normalized) code has the shape of a join code. */
export function isJoinCode(code: string): boolean {
	return VALID.test(code);
}

/** The code in two groups of three, easier to read aloud and to copy from a board: "ABC DEF". */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}
