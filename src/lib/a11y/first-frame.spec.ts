import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applySettings } from './apply-settings';
import { MIRROR_KEY, readMirror } from './device-mirror';
import { resolveSettings, TEXT_SIZES, type SystemPreferences } from './settings';
import { DEVICE_LEARNERS_KEY, TAB_KEY } from '$lib/learner/learner-session.svelte';

// The inline script (first-frame.js) and the app (A11ySettings) must put the same settings on <html>:
// the script before the first paint, the app as it starts. Each runs here on a stand-in root element.
const source = readFileSync(new URL('./first-frame.js', import.meta.url), 'utf8');

function fakeRoot() {
	const classes = new Set<string>();
	const dataset: Record<string, string | undefined> = {};
	return {
		dataset,
		classList: {
			toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on)
		},
		/** What the page's styles see. */
		state: () => ({ textSize: dataset.textSize, classes: [...classes].sort() })
	};
}

const QUERIES: Record<string, keyof SystemPreferences> = {
	'(prefers-reduced-motion: reduce)': 'reducedMotion',
	'(prefers-color-scheme: dark)': 'dark',
	'(prefers-contrast: more)': 'moreContrast'
};

function runScript(stored: string | null, system: SystemPreferences, storageThrows = false) {
	const root = fakeRoot();
	const localStorage = {
		getItem: (key: string) => {
			if (storageThrows) throw new Error('SecurityError');
			return key === MIRROR_KEY ? stored : null;
		}
	};
	const matchMedia = (query: string) => ({ matches: system[QUERIES[query]] ?? false });
	new Function('document', 'localStorage', 'matchMedia', source)(
		{ documentElement: root, addEventListener: () => {} },
		localStorage,
		matchMedia
	);
	return root.state();
}

/** What A11ySettings applies as it starts: the localStorage copy, read as the app reads it. */
function runApp(stored: string | null, system: SystemPreferences) {
	const root = fakeRoot();
	const mirror = readMirror({ getItem: (key) => (key === MIRROR_KEY ? stored : null) });
	applySettings(root as unknown as HTMLElement, resolveSettings(mirror?.preferences, undefined, system));
	return root.state();
}

const NONE: SystemPreferences = { reducedMotion: false, dark: false, moreContrast: false };
const ALL: SystemPreferences = { reducedMotion: true, dark: true, moreContrast: true };

describe('the first-frame script applies what the app applies', () => {
	const mirrors: [string, string | null][] = [
		['nothing stored', null],
		['200 % text and high contrast', JSON.stringify({ preferences: { textSize: 200, highContrast: true } })],
		[
			'everything on, dark',
			JSON.stringify({
				preferences: { textSize: 150, theme: 'dark', reducedMotion: true, extraSpacing: true },
				profileId: 'p1'
			})
		],
		['light theme on a dark device', JSON.stringify({ preferences: { theme: 'light', textSize: 125 } })],
		[
			'values from nowhere',
			JSON.stringify({ preferences: { textSize: 300, theme: 'pink', highContrast: 'yes' } })
		],
		['not an object', JSON.stringify({ preferences: [1, 2] })],
		['damaged', '{"preferences": {'],
		['default text size', JSON.stringify({ preferences: { textSize: 100 } })]
	];
	for (const [name, stored] of mirrors)
		for (const [systemName, system] of [
			['no device wishes', NONE],
			['every device wish', ALL]
		] as const)
			test(`${name}, ${systemName}`, () => {
				expect(runScript(stored, system)).toEqual(runApp(stored, system));
			});

	test.each(TEXT_SIZES)('text size %i, as the app knows it', (textSize) => {
		const stored = JSON.stringify({ preferences: { textSize } });
		expect(runScript(stored, NONE)).toEqual(runApp(stored, NONE));
	});

	test('really applies them (200 % text, contrast)', () => {
		expect(runScript(JSON.stringify({ preferences: { textSize: 200, highContrast: true } }), NONE)).toEqual({
			textSize: '200',
			classes: ['a11y-contrast']
		});
	});

	test('storage the browser refuses leaves the page as it is, without an error', () => {
		expect(runScript(null, NONE, true)).toEqual({ textSize: undefined, classes: [] });
	});
});

describe('the first-frame script shows the welcome on a device without learners', () => {
	/** Runs the script with the device's and the tab's storage; the classes it leaves on <html>. */
	function welcome(local: Record<string, string>, tab: Record<string, string>, refused = false) {
		const classes = new Set<string>();
		const root = {
			dataset: {},
			classList: {
				toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on)
			}
		};
		const storage = (items: Record<string, string>) => ({
			getItem: (key: string) => {
				if (refused) throw new Error('SecurityError');
				return items[key] ?? null;
			}
		});
		new Function('document', 'localStorage', 'sessionStorage', 'matchMedia', source)(
			{ documentElement: root, addEventListener: () => {} },
			storage(local),
			storage(tab),
			() => ({ matches: false })
		);
		return classes.has('alkham-welcome');
	}

	test('a new device, nobody chosen in this tab: the welcome', () => {
		expect(welcome({}, {})).toBe(true);
	});

	test('a device with learners, or a tab with a learner or a guest: the page', () => {
		expect(welcome({ [DEVICE_LEARNERS_KEY]: '1' }, {})).toBe(false);
		expect(welcome({}, { [TAB_KEY]: 'guest' })).toBe(false);
		expect(welcome({ [DEVICE_LEARNERS_KEY]: '1' }, { [TAB_KEY]: 'a-learner-id' })).toBe(false);
	});

	test('storage refused: the page (the app brings the welcome once it has started)', () => {
		expect(welcome({}, {}, true)).toBe(false);
	});
});
