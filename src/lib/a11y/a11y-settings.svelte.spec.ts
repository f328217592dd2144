import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ProfileRow } from '$lib/learner/db';
import type { LearnerSession } from '$lib/learner/learner-session.svelte';
import { installFakeWindow, type FakeWindow } from '$lib/testing/fake-browser';
import { freshDevice, type TestDevice } from '$lib/testing/device-db';
import { A11ySettings } from './a11y-settings.svelte';
import { MIRROR_KEY, readMirror, writeMirror } from './device-mirror';
import { DEFAULT_PREFERENCES, type A11yPreferences } from './settings';
import { readSettings, writeSettings } from './settings-store';

/** Lets a test hold a learner's settings between reading and applying them, to act meanwhile. */
const loading = vi.hoisted(() => ({ held: new Map<string, Promise<void>>(), handedOver: [] as string[] }));
vi.mock('./settings-store', async (original) => {
	const store = await original<typeof import('./settings-store')>();
	return {
		...store,
		async readSettings(profileId: string | null) {
			const stored = await store.readSettings(profileId);
			if (profileId) {
				await loading.held.get(profileId);
				loading.handedOver.push(profileId);
			}
			return stored;
		}
	};
});

/** Holds a learner's settings once read; the function returned releases them and waits until they are applied. */
function hold(profileId: string) {
	let release!: () => void;
	loading.held.set(profileId, new Promise((resolve) => (release = resolve)));
	const count = () => loading.handedOver.filter((id) => id === profileId).length;
	return async () => {
		const before = count();
		loading.held.delete(profileId);
		release();
		await vi.waitFor(() => expect(count()).toBe(before + 1));
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
}

const big: A11yPreferences = { ...DEFAULT_PREFERENCES, textSize: 200 };
const dark: A11yPreferences = { ...DEFAULT_PREFERENCES, theme: 'dark' };
const calm: A11yPreferences = { ...DEFAULT_PREFERENCES, reducedMotion: true, extraSpacing: true };

const learner = (id: string): ProfileRow => ({
	id,
	name: id,
	locale: 'mn',
	createdAt: '2026-01-01T00:00:00Z'
});

/** The session as A11ySettings sees it: whoever is open in this tab. */
class FakeSession {
	profile = $state.raw<ProfileRow | null>(null);
}

let device: TestDevice;
let browser: FakeWindow;
let session: FakeSession;
let onError: ReturnType<typeof vi.fn<(error: unknown, retry?: () => Promise<unknown>) => void>>;
let cleanups: (() => void)[];

beforeEach(() => {
	device = freshDevice();
	browser = installFakeWindow();
	session = new FakeSession();
	onError = vi.fn();
	cleanups = [];
	loading.held.clear();
	loading.handedOver.length = 0;
});

afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	browser.restore();
});

/** What the root layout does: creates the settings (their effects need an owner). */
function startSettings() {
	let settings!: A11ySettings;
	cleanups.push(
		$effect.root(() => {
			settings = new A11ySettings(session as unknown as LearnerSession, onError);
		})
	);
	flushSync();
	return settings;
}

function open(id: string | null) {
	session.profile = id ? learner(id) : null;
	flushSync();
}

const root = () => browser.document.documentElement;
const query = (media: string) => browser.media.get(media)!;

describe('at start, before the database library has loaded', () => {
	test('apply the device’s last-used settings at once, from localStorage', () => {
		writeMirror(device.localStorage, { preferences: { ...big, theme: 'dark' }, profileId: 'p1' });
		let settings!: A11ySettings;
		cleanups.push(
			$effect.root(() => {
				settings = new A11ySettings(session as unknown as LearnerSession, onError);
				// Already on the page, before any effect has run.
				expect(root().dataset.textSize).toBe('200');
				expect(root().classes).toEqual(['a11y-dark']);
			})
		);
		expect(settings.preferences).toEqual({ ...big, theme: 'dark' });
		expect(settings.chosen).toBe(true);
	});

	test('are the defaults on a device where nobody chose any', () => {
		const settings = startSettings();
		expect(settings.preferences).toEqual(DEFAULT_PREFERENCES);
		expect(settings.chosen).toBe(false);
		expect(root().dataset.textSize).toBeUndefined();
		expect(root().classes).toEqual([]);
	});

	test('ignore a damaged copy instead of failing', () => {
		device.localStorage.setItem(MIRROR_KEY, '{"preferences": 7');
		expect(startSettings().preferences).toEqual(DEFAULT_PREFERENCES);
	});
});

describe('the device’s own wishes', () => {
	test('are followed live, and only ever add an aid', () => {
		const settings = startSettings();
		expect(settings.applied.dark).toBe(false);
		query('(prefers-color-scheme: dark)').set(true);
		query('(prefers-reduced-motion: reduce)').set(true);
		flushSync();
		expect(settings.applied).toMatchObject({ dark: true, reducedMotion: true });
		expect(settings.system).toEqual({ dark: true, reducedMotion: true, moreContrast: false });
		expect(root().classes).toEqual(['a11y-dark', 'a11y-reduce-motion']);
		// A learner who chose the light theme keeps it; reduced motion cannot be switched off.
		void settings.update({ theme: 'light', reducedMotion: false });
		flushSync();
		expect(settings.applied).toMatchObject({ dark: false, reducedMotion: true });
	});

	test('stop being followed when the settings are torn down', () => {
		startSettings();
		expect([...browser.media.values()].map((q) => q.listeners)).toEqual([1, 1, 1]);
		cleanups.pop()!();
		expect([...browser.media.values()].map((q) => q.listeners)).toEqual([0, 0, 0]);
	});
});

describe('when a learner opens', () => {
	test('their own settings are loaded and applied', async () => {
		await writeSettings('p1', big);
		const settings = startSettings();
		open('p1');
		await vi.waitFor(() => expect(settings.preferences).toEqual(big));
		flushSync();
		expect(root().dataset.textSize).toBe('200');
		expect(readMirror(device.localStorage)).toEqual({ preferences: big, profileId: 'p1' });
	});

	test('without settings of their own, they keep what is on screen and it becomes theirs', async () => {
		writeMirror(device.localStorage, { preferences: big });
		const settings = startSettings();
		open('p1');
		await vi.waitFor(async () => expect((await readSettings('p1')).learner).toEqual(big));
		expect(settings.preferences).toEqual(big);
		expect(onError).not.toHaveBeenCalled();
	});

	test('a learner who left before their settings arrived leaves nothing behind for the next one', async () => {
		await writeSettings('p1', big);
		await writeSettings('p2', dark);
		const settings = startSettings();
		const arrive = hold('p1');
		open('p1');
		open('p2');
		await vi.waitFor(() => expect(settings.preferences).toEqual(dark));
		await arrive();
		expect(settings.preferences).toEqual(dark);
		expect(readMirror(device.localStorage)).toEqual({ preferences: dark, profileId: 'p2' });
		expect(await readSettings('p2')).toEqual({ learner: dark, device: dark });
		expect((await readSettings('p1')).learner).toEqual(big);
	});

	test('the next learner without settings starts from the last ones used, not the defaults', async () => {
		await writeSettings('p1', big);
		const settings = startSettings();
		open('p1');
		await vi.waitFor(() => expect(settings.preferences).toEqual(big));
		open(null);
		expect(settings.preferences).toEqual(big);
		open('p2');
		await vi.waitFor(async () => expect((await readSettings('p2')).learner).toEqual(big));
	});
});

describe('update', () => {
	test('applies at once and saves for the open learner and as the device’s last-used settings', async () => {
		const settings = startSettings();
		open('p1');
		await vi.waitFor(async () => expect(await readSettings('p1')).toBeDefined());
		const saving = settings.update({ textSize: 150 });
		flushSync();
		expect(root().dataset.textSize).toBe('150');
		expect(await saving).toBe(true);
		const saved = { ...DEFAULT_PREFERENCES, textSize: 150 };
		expect(await readSettings('p1')).toEqual({ learner: saved, device: saved });
		expect(readMirror(device.localStorage)).toEqual({ preferences: saved, profileId: 'p1' });
	});

	test('made while the learner’s settings are still loading is not undone by them', async () => {
		await writeSettings('p1', calm);
		const settings = startSettings();
		const arrive = hold('p1');
		open('p1');
		expect(await settings.update({ textSize: 200 })).toBe(true);
		await arrive();
		expect(settings.preferences.textSize).toBe(200);
		expect(readMirror(device.localStorage)?.preferences.textSize).toBe(200);
		expect(((await readSettings('p1')).learner as A11yPreferences).textSize).toBe(200);
	});

	test('on a fresh device with nobody open keeps the choice in localStorage only, creating no learner data', async () => {
		const settings = startSettings();
		expect(await settings.update({ textSize: 175 })).toBe(true);
		expect(readMirror(device.localStorage)).toEqual({
			preferences: { ...DEFAULT_PREFERENCES, textSize: 175 }
		});
		expect(await device.indexedDB.databases()).toEqual([]);
		expect(settings.chosen).toBe(true);
	});

	test('on the picker of a device with learners saves the device’s record', async () => {
		await writeSettings('p1', big);
		const settings = startSettings();
		expect(await settings.update({ highContrast: true })).toBe(true);
		expect(await readSettings(null)).toEqual({
			learner: undefined,
			device: { ...DEFAULT_PREFERENCES, highContrast: true }
		});
	});

	test('that cannot be saved is still applied, and reported with a way to retry', async () => {
		const settings = startSettings();
		open('p1');
		await vi.waitFor(async () => expect(await readSettings('p1')).toBeDefined());
		device.db.close();
		expect(await settings.update({ textSize: 125 })).toBe(false);
		expect(settings.preferences.textSize).toBe(125);
		expect(onError).toHaveBeenCalledOnce();
		const retry = onError.mock.calls[0][1]!;
		await device.db.open();
		await retry();
		expect(((await readSettings('p1')).learner as A11yPreferences).textSize).toBe(125);
	});
});

describe('settings changed in another tab of this device', () => {
	function changedElsewhere(preferences: A11yPreferences, profileId?: string) {
		writeMirror(device.localStorage, profileId ? { preferences, profileId } : { preferences });
		browser.window.dispatchEvent(Object.assign(new Event('storage'), { key: MIRROR_KEY }));
		flushSync();
	}

	test('are followed when they are this learner’s', async () => {
		await writeSettings('p1', big);
		const settings = startSettings();
		open('p1');
		await vi.waitFor(() => expect(settings.preferences).toEqual(big));
		changedElsewhere(dark, 'p1');
		expect(settings.preferences).toEqual(dark);
		expect(root().classes).toEqual(['a11y-dark']);
	});

	test('are followed on the picker when chosen with nobody open', () => {
		const settings = startSettings();
		changedElsewhere(big);
		expect(settings.preferences).toEqual(big);
	});

	test('of another learner are ignored', async () => {
		await writeSettings('p1', big);
		const settings = startSettings();
		open('p1');
		await vi.waitFor(() => expect(settings.preferences).toEqual(big));
		changedElsewhere(dark, 'p2');
		expect(settings.preferences).toEqual(big);
		open(null);
		changedElsewhere(dark, 'p2');
		expect(settings.preferences).toEqual(big);
	});

	test('other keys of localStorage are ignored', () => {
		const settings = startSettings();
		writeMirror(device.localStorage, { preferences: big });
		browser.window.dispatchEvent(Object.assign(new Event('storage'), { key: 'something-else' }));
		expect(settings.preferences).toEqual(DEFAULT_PREFERENCES);
	});
});
