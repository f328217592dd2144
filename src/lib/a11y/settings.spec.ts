import { describe, expect, test } from 'vitest';
import {
	DEFAULT_PREFERENCES,
	normalizePreferences,
	resolveSettings,
	samePreferences,
	type A11yPreferences
} from './settings';

const big: A11yPreferences = { ...DEFAULT_PREFERENCES, textSize: 200, highContrast: true };
const dark: A11yPreferences = { ...DEFAULT_PREFERENCES, theme: 'dark', textSize: 150 };
const system = { reducedMotion: false, dark: false, moreContrast: false };

describe('normalizePreferences', () => {
	test('returns undefined for anything that is not an object', () => {
		for (const value of [undefined, null, 'big', 3, [], true])
			expect(normalizePreferences(value)).toBeUndefined();
	});

	test('fills missing fields with defaults', () => {
		expect(normalizePreferences({ textSize: 150 })).toEqual({ ...DEFAULT_PREFERENCES, textSize: 150 });
	});

	test('replaces invalid values with defaults and drops unknown fields', () => {
		expect(
			normalizePreferences({
				textSize: 130,
				highContrast: 'yes',
				theme: 'purple',
				speechRate: 9,
				extraSpacing: true,
				unknown: 1
			})
		).toEqual({ ...DEFAULT_PREFERENCES, extraSpacing: true });
	});

	test('keeps every valid value', () => {
		const all: A11yPreferences = {
			textSize: 175,
			highContrast: true,
			theme: 'light',
			reducedMotion: true,
			extraSpacing: true,
			autoRead: true,
			speechRate: 0.75
		};
		expect(normalizePreferences(all)).toEqual(all);
	});
});

describe('resolveSettings', () => {
	test('uses the defaults when nothing was ever chosen', () => {
		expect(resolveSettings(undefined, undefined, system)).toEqual({
			textSize: 100,
			highContrast: false,
			dark: false,
			reducedMotion: false,
			extraSpacing: false,
			autoRead: false,
			speechRate: 1
		});
	});

	test("applies the device's last-used settings when no learner is open", () => {
		expect(resolveSettings(big, undefined, system)).toMatchObject({ textSize: 200, highContrast: true });
	});

	test("prefers the open learner's own settings to the device's last-used ones", () => {
		expect(resolveSettings(big, dark, system)).toMatchObject({
			textSize: 150,
			highContrast: false,
			dark: true
		});
	});

	test("falls back to the device's settings when the learner's record is unusable", () => {
		expect(resolveSettings(big, 'garbage', system)).toMatchObject({ textSize: 200 });
	});

	test('lets the system ask for reduced motion even when the learner did not', () => {
		expect(resolveSettings(undefined, undefined, { ...system, reducedMotion: true }).reducedMotion).toBe(
			true
		);
	});

	test("never lets the system switch off a learner's reduced motion", () => {
		const still = { ...DEFAULT_PREFERENCES, reducedMotion: true };
		expect(resolveSettings(undefined, still, system).reducedMotion).toBe(true);
	});

	test('turns on high contrast when the system asks for more contrast', () => {
		expect(resolveSettings(undefined, undefined, { ...system, moreContrast: true }).highContrast).toBe(true);
	});

	test("follows the system's dark mode only for the system theme", () => {
		const darkSystem = { ...system, dark: true };
		expect(resolveSettings(undefined, undefined, darkSystem).dark).toBe(true);
		expect(resolveSettings(undefined, { ...DEFAULT_PREFERENCES, theme: 'light' }, darkSystem).dark).toBe(
			false
		);
		expect(resolveSettings(undefined, { ...DEFAULT_PREFERENCES, theme: 'dark' }, system).dark).toBe(true);
	});

	test('uses no system preferences when none are given', () => {
		expect(resolveSettings(undefined, undefined).dark).toBe(false);
	});
});

describe('samePreferences', () => {
	test('compares every field', () => {
		expect(samePreferences(big, { ...big })).toBe(true);
		expect(samePreferences(big, { ...big, speechRate: 1.25 })).toBe(false);
	});
});
