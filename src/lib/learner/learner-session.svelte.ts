import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/i18n/locale';
import type { ProfileRow, ProgressEventRow } from './db';
import { deviceHasLearnerData, learnerData } from './load';
import type { StorageStatus } from './storage-status.svelte';

/**
 * - `loading`: not known yet (also what the server renders);
 * - `choosing`: nobody is learning in this tab: "Who is learning?" (or the welcome on a device without learners);
 * - `ready`: a learner's profile is open;
 * - `guest`: "Just looking": lessons work, nothing is kept;
 * - `unavailable`: the database cannot be used (the storage banner says why).
 */
export type SessionState = 'loading' | 'choosing' | 'ready' | 'guest' | 'unavailable';

/** Why "Who is learning?" is on screen: opening the app, "Switch learner", or the idle lock. */
export type ChooseReason = 'start' | 'switch' | 'idle';

/**
 * The learner open in this tab lives in sessionStorage: it survives a reload and a language switch
 * (full page loads), but a new tab or a reopened app starts at "Who is learning?" — on a shared
 * device, the next person never lands in someone else's profile.
 */
export const TAB_KEY = 'alkham.learner';
const GUEST = 'guest';
/** A learner just added who has not yet seen "Make it comfortable" (kept across a language switch). */
const COMFORT_KEY = 'alkham.comfort';

/**
 * Kept in localStorage while the device holds learners, for src/lib/a11y/first-frame.js: on a device
 * without it, in a tab where nobody has been chosen, the page's copy of the welcome is shown from the
 * first frame (LearnerGate.svelte). Absent on a new device, where the app never reads any learners.
 */
export const DEVICE_LEARNERS_KEY = 'alkham.device.learners';

function markDeviceLearners(any: boolean) {
	try {
		if (any) localStorage.setItem(DEVICE_LEARNERS_KEY, '1');
		else localStorage.removeItem(DEVICE_LEARNERS_KEY);
	} catch {
		// Refused (private mode): the next start shows the welcome for a moment, then the picker.
	}
}

type NewEvent = Omit<ProgressEventRow, 'seq' | 'id' | 'at'>;

function readTab(key = TAB_KEY): string | null {
	try {
		return sessionStorage.getItem(key);
	} catch {
		return null;
	}
}

function writeTab(value: string | null, key = TAB_KEY) {
	try {
		if (value === null) sessionStorage.removeItem(key);
		else sessionStorage.setItem(key, value);
	} catch {
		// Storage refused (private mode): the choice then lasts until the page closes, which is safe.
	}
}

/** Who is learning in this tab right now: the one place that decides it. Created once in the root layout. */
export class LearnerSession {
	#profile = $state.raw<ProfileRow | null>(null);
	#state = $state<SessionState>('loading');
	#profiles = $state.raw<ProfileRow[]>([]);
	#reason = $state<ChooseReason>('start');
	#guestEvents = $state.raw<ProgressEventRow[]>([]);
	#comfortPending = $state(false);
	#status: StorageStatus;
	#watching = false;

	constructor(status: StorageStatus) {
		this.#status = status;
	}

	get profile() {
		return this.#profile;
	}

	get state() {
		return this.#state;
	}

	/** Every learner on this device, for "Who is learning?" and the device settings. */
	get profiles() {
		return this.#profiles;
	}

	get reason() {
		return this.#reason;
	}

	/** Whether this tab has a learner (or a guest) to reopen; without one, start() asks who is learning. */
	get tabHasChoice() {
		return readTab() !== null;
	}

	/** The open learner was just added and is shown "Make it comfortable" before anything else. */
	get comfortPending() {
		return this.#comfortPending && this.#state === 'ready';
	}

	/** The new learner finished (or skipped) "Make it comfortable". */
	comfortDone() {
		writeTab(null, COMFORT_KEY);
		this.#comfortPending = false;
	}

	get isGuest() {
		return this.#state === 'guest';
	}

	/** A guest's progress, kept in memory only: gone when the tab closes or the learner switches. */
	get guestEvents() {
		return this.#guestEvents;
	}

	/** Restores this tab's learner, or asks who is learning. */
	async start() {
		const chosen = readTab();
		// Asked first for everyone: besides its answer, this await lets SvelteKit finish hydrating
		// before any page reacts to the session (a guest's player would otherwise update the URL too early).
		const hasData = await deviceHasLearnerData();
		if (chosen === GUEST) {
			this.#state = 'guest';
			return;
		}
		if (!hasData) {
			// A fresh device: nothing to read, and Dexie is not even downloaded until a learner is added.
			this.#choose('start');
			return;
		}
		try {
			await this.refresh();
			const profile = chosen ? this.#profiles.find((p) => p.id === chosen) : undefined;
			if (profile) {
				this.#profile = profile;
				this.#comfortPending = readTab(COMFORT_KEY) === profile.id;
				this.#state = 'ready';
			} else {
				writeTab(null);
				this.#choose('start');
			}
		} catch (error) {
			this.#state = 'unavailable';
			this.#status.report(error);
		}
	}

	/** Reads the device's learners again (after one is added, renamed or removed). */
	async refresh() {
		const data = await learnerData();
		this.#watch(data.db());
		this.#profiles = await data.profiles.listProfiles();
		markDeviceLearners(this.#profiles.length > 0);
		const open = this.#profile && this.#profiles.find((p) => p.id === this.#profile!.id);
		if (this.#profile) {
			if (open) this.#profile = open;
			else this.leave('switch');
		}
	}

	/** Opens a learner whose secret (if any) was checked. */
	async open(profile: ProfileRow) {
		writeTab(profile.id);
		this.comfortDone();
		this.#guestEvents = [];
		this.#profile = profile;
		this.#state = 'ready';
		await this.#status.guard(async () => (await learnerData()).profiles.rememberOpened(profile.id));
	}

	/** Adds a learner (the device's first learner creates the database) and opens them. */
	async add(input: { name: string; avatar: string; locale: Locale }): Promise<ProfileRow> {
		const data = await learnerData();
		const profile = await data.profiles.createProfile(input);
		await this.refresh();
		await this.open(profile);
		writeTab(profile.id, COMFORT_KEY);
		this.#comfortPending = true;
		return profile;
	}

	/** "Just looking": lessons work, nothing is written to the device. */
	beGuest() {
		writeTab(GUEST);
		this.#profile = null;
		this.#guestEvents = [];
		this.#state = 'guest';
	}

	/**
	 * Closes the open learner (or guest) and returns to "Who is learning?". Everything of theirs held
	 * in memory is dropped here; pages re-read their data for the next learner (see the root layout).
	 */
	leave(reason: ChooseReason) {
		writeTab(null);
		this.#profile = null;
		this.#guestEvents = [];
		this.#choose(reason);
	}

	/**
	 * The browser restored this page from its back/forward cache: another page of this tab may have
	 * switched learner since. Hide everything at once, then reopen whoever this tab's learner is now.
	 */
	async restored() {
		const chosen = readTab();
		const mine = this.#state === 'guest' ? GUEST : (this.#profile?.id ?? null);
		if (chosen === mine) return;
		this.#profile = null;
		this.#guestEvents = [];
		this.#choose('switch');
		await this.start();
	}

	/** The learner whose progress is being saved. Throws when there is none (a guest or nobody). */
	async ensureProfile(): Promise<ProfileRow> {
		if (!this.#profile) throw new Error('No learner profile is open');
		return this.#profile;
	}

	/** Keeps a guest's progress event in memory (never in IndexedDB). */
	recordGuestEvent(event: NewEvent) {
		const row: ProgressEventRow = {
			...event,
			seq: this.#guestEvents.length + 1,
			id: crypto.randomUUID(),
			// A timestamp turned into text at once, never kept as a Date: nothing to make reactive.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			at: new Date().toISOString()
		};
		this.#guestEvents = [...this.#guestEvents, row];
	}

	#choose(reason: ChooseReason) {
		this.#reason = reason;
		this.#state = 'choosing';
		if (reason !== 'start' && this.#watching) this.refresh().catch((error) => this.#status.report(error));
	}

	#watch(database: { on(event: 'versionchange', fn: () => boolean): unknown; close(): void }) {
		if (this.#watching) return;
		this.#watching = true;
		// Another tab opened a newer version of the app and upgraded the database: Dexie closes
		// this tab's connection. Say so plainly instead of failing on the next save.
		database.on('versionchange', () => {
			database.close();
			this.#status.set('upgraded');
			return false;
		});
	}
}

const KEY = Symbol('learner-session');

export function setLearnerSession(session: LearnerSession) {
	return setContext(KEY, session);
}

export function getLearnerSession(): LearnerSession {
	return getContext(KEY);
}
