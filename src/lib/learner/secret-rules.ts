/** What a learner may type or choose as a secret, and how it is written before hashing. */

export const PIN_LENGTH = 4;
export const PICTURE_SEQUENCE_LENGTH = 3;
export const HELPER_CODE_MIN = 6;
export const HELPER_CODE_MAX = 40;

/**
 * A PIN as four digits, or null. Spaces and dashes are dropped so a pasted "12 34" or "12-34"
 * works; any other character makes it invalid rather than being silently removed.
 */
export function normalizePin(input: string): string | null {
	const digits = input.replace(/[\s-]/g, '');
	return new RegExp(`^[0-9]{${PIN_LENGTH}}$`).test(digits) ? digits : null;
}

/** A picture sequence (picture ids in order) as one string, or null when it is not complete. */
export function normalizePictures(ids: readonly string[]): string | null {
	if (ids.length !== PICTURE_SEQUENCE_LENGTH || ids.some((id) => !/^[a-z-]+$/.test(id))) return null;
	return ids.join(',');
}

/** A helper code, trimmed, or null when it is too short or too long. */
export function normalizeHelperCode(input: string): string | null {
	const code = input.trim();
	return code.length >= HELPER_CODE_MIN && code.length <= HELPER_CODE_MAX ? code : null;
}

/** A learner's display name, trimmed and with inner runs of spaces collapsed, or null. */
export function normalizeName(input: string): string | null {
	const name = input.trim().replace(/\s+/g, ' ');
	return name.length >= 1 && name.length <= 40 ? name : null;
}
