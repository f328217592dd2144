import Dexie from 'dexie';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDevice, type TestDevice } from '$lib/testing/device-db';
import { fakeStorage } from '$lib/testing/fake-browser';
import { AlkhamDatabase } from './db';
import { DEVICE_LEARNERS_KEY, LearnerSession } from './learner-session.svelte';
import * as profiles from './profiles';
import { StorageStatus } from './storage-status.svelte';

const TAB_KEY = 'alkham.learner';

let device: TestDevice;
let status: StorageStatus;

beforeEach(() => {
	device = freshDevice();
	status = new StorageStatus();
});

afterEach(() => {
	vi.restoreAllMocks();
});

/** A page load in the current tab: the root layout creates the session and starts it. */
async function pageLoad() {
	const session = new LearnerSession(status);
	await session.start();
	return session;
}

const bat = { name: 'Бат', avatar: 'sun', locale: 'mn' as const };
const saraa = { name: 'Сараа', avatar: 'moon', locale: 'en' as const };

/** Leaves and waits until the picker has re-read the device's learners. */
async function leaveAndReread(session: LearnerSession, reason: 'switch' | 'idle') {
	const before = session.profiles;
	session.leave(reason);
	await vi.waitFor(() => expect(session.profiles).not.toBe(before));
}

describe('a fresh device', () => {
	test('asks who is learning, without creating any learner data', async () => {
		const session = new LearnerSession(status);
		expect(session.state).toBe('loading');
		await session.start();
		expect(session.state).toBe('choosing');
		expect(session.reason).toBe('start');
		expect(session.profile).toBeNull();
		expect(session.profiles).toEqual([]);
		expect(await device.indexedDB.databases()).toEqual([]);
	});

	test('adding the first learner creates the database and opens them, "Make it comfortable" first', async () => {
		const session = await pageLoad();
		const added = await session.add(bat);
		expect(session.state).toBe('ready');
		expect(session.profile).toEqual(added);
		expect(session.comfortPending).toBe(true);
		expect(session.profiles.map((p) => p.name)).toEqual(['Бат']);
		expect(await session.ensureProfile()).toEqual(added);
		expect(await profiles.listProfiles()).toEqual([added]);
		// Remembered as the device's last learner (never used to skip the picker).
		expect(await device.db.device.get('currentProfileId')).toEqual({
			key: 'currentProfileId',
			value: added.id
		});
	});
});

describe('the mark the first frame reads (a device with learners)', () => {
	test('is absent on a new device, set once a learner is added, and removed with the last one', async () => {
		const session = await pageLoad();
		expect(device.localStorage.getItem(DEVICE_LEARNERS_KEY)).toBeNull();
		const added = await session.add(bat);
		expect(device.localStorage.getItem(DEVICE_LEARNERS_KEY)).toBe('1');
		await profiles.removeProfile(added.id);
		await session.refresh();
		expect(device.localStorage.getItem(DEVICE_LEARNERS_KEY)).toBeNull();
	});

	test('is set by the first start on a device that had learners before the mark existed', async () => {
		await (await pageLoad()).add(bat);
		device.localStorage.removeItem(DEVICE_LEARNERS_KEY);
		await pageLoad();
		expect(device.localStorage.getItem(DEVICE_LEARNERS_KEY)).toBe('1');
	});
});

describe('this tab’s learner', () => {
	test('survives a reload or a language switch, with "Make it comfortable" still waiting', async () => {
		const added = await (await pageLoad()).add(bat);
		const reloaded = await pageLoad();
		expect(reloaded.state).toBe('ready');
		expect(reloaded.profile).toEqual(added);
		expect(reloaded.comfortPending).toBe(true);

		reloaded.comfortDone();
		expect(reloaded.comfortPending).toBe(false);
		expect((await pageLoad()).comfortPending).toBe(false);
	});

	test('is not opened in a new tab or a reopened app: the next person starts at the picker', async () => {
		const first = device.sessionStorage;
		const added = await (await pageLoad()).add(bat);

		device.switchTab();
		const other = await pageLoad();
		expect(other.state).toBe('choosing');
		expect(other.reason).toBe('start');
		expect(other.profile).toBeNull();
		expect(other.profiles.map((p) => p.id)).toEqual([added.id]);

		// The first tab still has its learner.
		device.switchTab(first);
		expect((await pageLoad()).profile?.id).toBe(added.id);
	});

	test('removed in another tab is not reopened after a reload', async () => {
		const added = await (await pageLoad()).add(bat);
		await profiles.createProfile(saraa);
		await profiles.removeProfile(added.id);
		const reloaded = await pageLoad();
		expect(reloaded.state).toBe('choosing');
		expect(reloaded.profile).toBeNull();
		expect(device.sessionStorage.getItem(TAB_KEY)).toBeNull();
	});

	test('follows a rename, and is closed when removed elsewhere, on the next refresh', async () => {
		const session = await pageLoad();
		const added = await session.add(bat);
		await profiles.updateProfile(added.id, { name: 'Батаа' });
		await session.refresh();
		expect(session.profile?.name).toBe('Батаа');

		await profiles.removeProfile(added.id);
		await session.refresh();
		const closed = session.profiles;
		expect(session.state).toBe('choosing');
		expect(session.reason).toBe('switch');
		expect(session.profile).toBeNull();
		expect(device.sessionStorage.getItem(TAB_KEY)).toBeNull();
		// The picker then reads the learners again.
		await vi.waitFor(() => expect(session.profiles).not.toBe(closed));
	});

	test('lasts until the page closes where the browser refuses sessionStorage', async () => {
		device.switchTab(fakeStorage({ failing: true }));
		const session = await pageLoad();
		expect(session.state).toBe('choosing');
		await session.add(bat);
		expect(session.state).toBe('ready');
		// A reload cannot know who was learning: the safe answer is the picker.
		expect((await pageLoad()).state).toBe('choosing');
	});
});

describe('leaving and switching learner', () => {
	test('closes the learner and shows the picker, which lists learners added meanwhile', async () => {
		const session = await pageLoad();
		await session.add(bat);
		await profiles.createProfile(saraa);

		await leaveAndReread(session, 'switch');
		expect(session.state).toBe('choosing');
		expect(session.reason).toBe('switch');
		expect(session.profile).toBeNull();
		expect(session.comfortPending).toBe(false);
		await expect(session.ensureProfile()).rejects.toThrow();
		expect(session.profiles.map((p) => p.name)).toEqual(['Бат', 'Сараа']);
		// A reload after leaving does not bring the learner back.
		expect((await pageLoad()).state).toBe('choosing');
	});

	test('the idle lock says why the picker is shown', async () => {
		const session = await pageLoad();
		await session.add(bat);
		await leaveAndReread(session, 'idle');
		expect(session.reason).toBe('idle');
	});

	test('opening another learner makes them this tab’s learner, without their predecessor’s welcome', async () => {
		const session = await pageLoad();
		await session.add(bat);
		const other = await profiles.createProfile(saraa);
		await leaveAndReread(session, 'switch');

		await session.open(other);
		expect(session.state).toBe('ready');
		expect(session.profile).toEqual(other);
		expect(session.comfortPending).toBe(false);
		expect((await device.db.device.get('currentProfileId'))?.value).toBe(other.id);
		const reloaded = await pageLoad();
		expect(reloaded.profile?.id).toBe(other.id);
		expect(reloaded.comfortPending).toBe(false);
	});
});

describe('a guest ("Just looking")', () => {
	test('can follow lessons with progress kept in memory only', async () => {
		const session = await pageLoad();
		session.beGuest();
		expect(session.state).toBe('guest');
		expect(session.isGuest).toBe(true);
		session.recordGuestEvent({
			profileId: 'guest',
			courseId: 'c',
			lessonId: 'l',
			kind: 'step-viewed',
			step: 0
		});
		session.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		expect(session.guestEvents.map((e) => [e.seq, e.kind])).toEqual([
			[1, 'step-viewed'],
			[2, 'lesson-done']
		]);
		expect(new Set(session.guestEvents.map((e) => e.id)).size).toBe(2);
		await expect(session.ensureProfile()).rejects.toThrow();
		// Nothing at all was written to the device.
		expect(await device.indexedDB.databases()).toEqual([]);
	});

	test('stays a guest after a reload, but their progress is gone', async () => {
		const session = await pageLoad();
		session.beGuest();
		session.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		const reloaded = await pageLoad();
		expect(reloaded.state).toBe('guest');
		expect(reloaded.guestEvents).toEqual([]);
	});

	test('who leaves takes their progress along: the next person sees none of it', async () => {
		const session = await pageLoad();
		session.beGuest();
		session.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		session.leave('switch');
		expect(session.state).toBe('choosing');
		expect(session.guestEvents).toEqual([]);
		expect((await pageLoad()).state).toBe('choosing');
	});

	test('who becomes a learner leaves no guest progress behind', async () => {
		const session = await pageLoad();
		session.beGuest();
		session.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		await session.add(bat);
		expect(session.isGuest).toBe(false);
		expect(session.guestEvents).toEqual([]);
		expect(await device.db.events.count()).toBe(0);
	});
});

describe('a page restored from the back/forward cache', () => {
	test('opens the learner another page of this tab switched to', async () => {
		const page1 = await pageLoad();
		await page1.add(bat);
		const other = await profiles.createProfile(saraa);

		// Page 2 of the same tab: "Switch learner", then the other learner.
		const page2 = await pageLoad();
		await leaveAndReread(page2, 'switch');
		await page2.open(other);

		await page1.restored();
		expect(page1.state).toBe('ready');
		expect(page1.profile?.id).toBe(other.id);
		await vi.waitFor(() => expect(page1.profiles).toHaveLength(2));
	});

	test('hides the learner at once when the tab has nobody open any more', async () => {
		const page1 = await pageLoad();
		await page1.add(bat);
		const page2 = await pageLoad();
		await leaveAndReread(page2, 'switch');

		const restoring = page1.restored();
		// Before anything is read: the previous learner is already off the screen.
		expect(page1.profile).toBeNull();
		expect(page1.state).toBe('choosing');
		await restoring;
		expect(page1.state).toBe('choosing');
		expect(page1.reason).toBe('start');
	});

	test('drops a guest’s progress when a learner was opened on another page', async () => {
		const page1 = await pageLoad();
		page1.beGuest();
		page1.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		const page2 = await pageLoad();
		const added = await page2.add(bat);

		await page1.restored();
		expect(page1.guestEvents).toEqual([]);
		expect(page1.profile?.id).toBe(added.id);
		expect(page1.comfortPending).toBe(true);
	});

	test('keeps everything as it was when nothing changed', async () => {
		const page1 = await pageLoad();
		page1.beGuest();
		page1.recordGuestEvent({ profileId: 'guest', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		await page1.restored();
		expect(page1.state).toBe('guest');
		expect(page1.guestEvents).toHaveLength(1);
	});
});

describe('the database', () => {
	test('upgraded by a newer version of the app in another tab is reported as "upgraded"', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const session = await pageLoad();
		await session.add(bat);
		expect(status.problem).toBeNull();

		// Another tab runs a newer version of the app, with one more version of the schema.
		const newer = new AlkhamDatabase();
		newer.version(3).stores({ drafts: 'id' });
		await newer.open();
		newer.close();

		expect(status.problem).toBe('upgraded');
		expect(device.db.isOpen()).toBe(false);
		// This tab's old connection is not reopened behind the learner's back.
		await expect(profiles.listProfiles()).rejects.toThrow();
	});

	test('that cannot be opened makes the session "unavailable" and says why', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		// The device holds learner data from an earlier visit...
		const earlier = new Dexie('alkham');
		earlier.version(2).stores({ profiles: 'id' });
		await earlier.open();
		earlier.close();
		// ...but the browser now refuses to open it (private mode, blocked storage).
		vi.spyOn(device.indexedDB, 'open').mockImplementation(() => {
			throw new DOMException(
				'A mutation operation was attempted on a database that did not allow mutations.',
				'InvalidStateError'
			);
		});
		const session = await pageLoad();
		expect(session.state).toBe('unavailable');
		expect(status.problem).toBe('unavailable');
	});
});

test('pages follow the session reactively', async () => {
	const session = new LearnerSession(status);
	const seen: string[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(`${session.state}${session.profile ? ` ${session.profile.name}` : ''}`);
		});
	});
	try {
		flushSync();
		await session.start();
		flushSync();
		await session.add(bat);
		flushSync();
		session.beGuest();
		flushSync();
		expect(seen).toEqual(['loading', 'choosing', 'ready Бат', 'guest']);
	} finally {
		cleanup();
	}
});
