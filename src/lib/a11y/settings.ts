/**
 * Accessibility settings: what a learner chooses, and what the app applies once the device's
 * own preferences (reduced motion, dark mode, more contrast) are taken into account.
 * Pure TypeScript: no DOM, no storage.
 */

/** Text size steps, in percent of the app's normal size. */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
/** `system` follows the device's light or dark mode. */
export type Theme = (typeof THEMES)[number];

/** Reading speeds offered for read-aloud (speech synthesis rate and audio playback rate). */
export const SPEECH_RATES = [0.75, 1, 1.25] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];

/** What a learner chooses, stored per learner and as the device's last-used settings. */
export interface A11yPreferences {
	textSize: TextSize;
	highContrast: boolean;
	theme: Theme;
	/** Reduce motion even when the device does not ask for it (it always wins when it does). */
	reducedMotion: boolean;
	/** More space between lines and paragraphs. */
	extraSpacing: boolean;
	/** Read each lesson step aloud as soon as it opens. The read-aloud control is on every step either way. */
	autoRead: boolean;
	speechRate: SpeechRate;
}

/** The device's own wishes, from CSS media queries. */
export interface SystemPreferences {
	reducedMotion: boolean;
	dark: boolean;
	moreContrast: boolean;
}

/** What the app applies to the page. */
export interface AppliedSettings {
	textSize: TextSize;
	highContrast: boolean;
	dark: boolean;
	reducedMotion: boolean;
	extraSpacing: boolean;
	autoRead: boolean;
	speechRate: SpeechRate;
}

export const DEFAULT_PREFERENCES: Readonly<A11yPreferences> = Object.freeze({
	textSize: 100,
	highContrast: false,
	theme: 'system',
	reducedMotion: false,
	extraSpacing: false,
	autoRead: false,
	speechRate: 1
});

export const NO_SYSTEM_PREFERENCES: Readonly<SystemPreferences> = Object.freeze({
	reducedMotion: false,
	dark: false,
	moreContrast: false
});

function pick<T>(allowed: readonly T[], value: unknown, fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

/**
 * Reads stored settings defensively: they may come from an older version of the app or a damaged
 * record. Unknown fields are dropped, missing or invalid ones take their default; never throws.
 * `undefined` when there is nothing usable (not an object).
 */
export function normalizePreferences(value: unknown): A11yPreferences | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const v = value as Record<string, unknown>;
	const d = DEFAULT_PREFERENCES;
	return {
		textSize: pick(TEXT_SIZES, v.textSize, d.textSize),
		highContrast: flag(v.highContrast, d.highContrast),
		theme: pick(THEMES, v.theme, d.theme),
		reducedMotion: flag(v.reducedMotion, d.reducedMotion),
		extraSpacing: flag(v.extraSpacing, d.extraSpacing),
		autoRead: flag(v.autoRead, d.autoRead),
		speechRate: pick(SPEECH_RATES, v.speechRate, d.speechRate)
	};
}

/**
 * The preferences in force: the open learner's own, else the device's last-used ones (so that
 * nobody has to read small text before choosing who is learning), else the defaults.
 */
export function effectivePreferences(deviceLastUsed: unknown, learnerSettings: unknown): A11yPreferences {
	return (
		normalizePreferences(learnerSettings) ??
		normalizePreferences(deviceLastUsed) ?? { ...DEFAULT_PREFERENCES }
	);
}

/**
 * What to apply to the page. The device's reduced-motion and more-contrast wishes can only add
 * to what the learner chose (they never switch an accessibility aid off); `system` theme follows
 * the device's dark mode.
 */
export function resolveSettings(
	deviceLastUsed: unknown,
	learnerSettings: unknown,
	system: SystemPreferences = NO_SYSTEM_PREFERENCES
): AppliedSettings {
	const p = effectivePreferences(deviceLastUsed, learnerSettings);
	return {
		textSize: p.textSize,
		highContrast: p.highContrast || system.moreContrast,
		dark: p.theme === 'dark' || (p.theme === 'system' && system.dark),
		reducedMotion: p.reducedMotion || system.reducedMotion,
		extraSpacing: p.extraSpacing,
		autoRead: p.autoRead,
		speechRate: p.speechRate
	};
}

/** Whether two sets of preferences are the same (to skip needless writes). */
export function samePreferences(a: A11yPreferences, b: A11yPreferences): boolean {
	return (Object.keys(DEFAULT_PREFERENCES) as (keyof A11yPreferences)[]).every((k) => a[k] === b[k]);
}
