import { normalizePreferences, type A11yPreferences } from './settings';

/**
 * A synchronous copy of the device's last-used settings in localStorage. The database library is
 * loaded on demand, so without this copy a learner who needs 200 % text would see small text until
 * it arrived; localStorage can be read the moment the app starts, even on the learner picker.
 */
export const MIRROR_KEY = 'alkham.a11y.device';

export interface DeviceMirror {
	preferences: A11yPreferences;
	/** The learner whose settings these are; absent when chosen with no learner open. */
	profileId?: string;
}

/** The mirrored settings, or undefined when there are none or they cannot be read. Never throws. */
export function readMirror(storage: Pick<Storage, 'getItem'> | undefined): DeviceMirror | undefined {
	try {
		const raw = storage?.getItem(MIRROR_KEY);
		if (!raw) return undefined;
		const parsed = JSON.parse(raw) as { preferences?: unknown; profileId?: unknown };
		const preferences = normalizePreferences(parsed?.preferences);
		if (!preferences) return undefined;
		return typeof parsed.profileId === 'string'
			? { preferences, profileId: parsed.profileId }
			: { preferences };
	} catch {
		return undefined;
	}
}

/**
 * Writes the mirror. A full or blocked localStorage (private mode) only loses the early copy: the
 * database keeps the real record, so this never throws.
 */
export function writeMirror(storage: Pick<Storage, 'setItem'> | undefined, mirror: DeviceMirror) {
	try {
		storage?.setItem(MIRROR_KEY, JSON.stringify(mirror));
	} catch {
		// See above: nothing is lost.
	}
}

/** localStorage where the browser allows it (some privacy settings make even reading it throw). */
export function browserStorage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}
