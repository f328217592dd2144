import { getContext, setContext } from 'svelte';
import { browser } from '$app/environment';
import type { LearnerSession } from '$lib/learner/learner-session.svelte';
import { deviceHasLearnerData } from '$lib/learner/load';
import { applySettings } from './apply-settings';
import { browserStorage, MIRROR_KEY, readMirror, writeMirror, type DeviceMirror } from './device-mirror';
import {
	effectivePreferences,
	NO_SYSTEM_PREFERENCES,
	normalizePreferences,
	resolveSettings,
	samePreferences,
	type A11yPreferences,
	type AppliedSettings,
	type SystemPreferences
} from './settings';

const SYSTEM_QUERIES: Record<keyof SystemPreferences, string> = {
	reducedMotion: '(prefers-reduced-motion: reduce)',
	dark: '(prefers-color-scheme: dark)',
	moreContrast: '(prefers-contrast: more)'
};

/** Loads the settings store (and with it Dexie) only when a learner's settings are read or saved. */
const settingsStore = () => import('./settings-store');

/**
 * The accessibility settings in force, created once in the root layout. They follow the open
 * learner (`session.profile`): when it changes, that learner's own settings are loaded and applied;
 * with no learner open, the device's last-used settings apply, read synchronously from
 * localStorage so they are on screen before the database library has even loaded.
 */
export class A11ySettings {
	#session: LearnerSession;
	#onError: (error: unknown, retry?: () => Promise<unknown>) => void;
	#storage = browserStorage();
	#device = $state.raw<DeviceMirror | undefined>(undefined);
	/** The open learner's own settings, once loaded; kept with the id they belong to. */
	#learner = $state.raw<{ profileId: string; value: A11yPreferences } | undefined>(undefined);
	#system = $state.raw<SystemPreferences>(NO_SYSTEM_PREFERENCES);
	/** Counts changes to the open learner's settings, so that a slower load never undoes one. */
	#changes = 0;

	constructor(session: LearnerSession, onError: (error: unknown, retry?: () => Promise<unknown>) => void) {
		this.#session = session;
		this.#onError = onError;
		if (!browser) return;
		this.#device = readMirror(this.#storage);
		// The device's own wishes, followed live (svelte/reactivity's MediaQuery would do the same
		// but adds to every page's first download).
		const queries = Object.entries(SYSTEM_QUERIES).map(([k, q]) => [k, matchMedia(q)] as const);
		const readSystem = () => {
			this.#system = Object.fromEntries(
				queries.map(([k, q]) => [k, q.matches])
			) as unknown as SystemPreferences;
		};
		readSystem();
		// At once, before the first effect runs: the page is already on screen.
		applySettings(document.documentElement, this.applied);
		$effect(() => applySettings(document.documentElement, this.applied));
		$effect(() => {
			for (const [, q] of queries) q.addEventListener('change', readSystem);
			return () => queries.forEach(([, q]) => q.removeEventListener('change', readSystem));
		});
		$effect(() => {
			const id = this.#session.profile?.id;
			if (id) return this.#openLearner(id);
		});
		$effect(() => {
			// Settings changed in another tab of this app (same device): follow them when they are
			// this learner's (or nobody's, on the picker).
			const onStorage = (event: StorageEvent) => {
				if (event.key !== MIRROR_KEY) return;
				const mirror = readMirror(this.#storage);
				if (!mirror || (mirror.profileId ?? null) !== this.profileId) return;
				this.#device = mirror;
				if (mirror.profileId) {
					this.#learner = { profileId: mirror.profileId, value: mirror.preferences };
					this.#changes++;
				}
			};
			addEventListener('storage', onStorage);
			return () => removeEventListener('storage', onStorage);
		});
	}

	/** The open learner's id, or null (no learner yet, guest, or the picker). */
	get profileId(): string | null {
		return this.#session.profile?.id ?? null;
	}

	/** Whether anyone has chosen settings on this device yet. */
	get chosen(): boolean {
		return this.#device !== undefined || this.#learnerPreferences !== undefined;
	}

	get #learnerPreferences(): A11yPreferences | undefined {
		const learner = this.#learner;
		return learner && learner.profileId === this.profileId ? learner.value : undefined;
	}

	/** What the learner chose (the values the settings page shows). */
	preferences: A11yPreferences = $derived(
		effectivePreferences(this.#device?.preferences, this.#learnerPreferences)
	);

	/** What is applied, with the device's own wishes (reduced motion, dark mode, contrast) added. */
	applied: AppliedSettings = $derived(
		resolveSettings(this.#device?.preferences, this.#learnerPreferences, this.#system)
	);

	/** The device's own wishes, for the settings page to explain what it follows. */
	get system() {
		return this.#system;
	}

	/**
	 * Changes settings: applied at once, then saved for the open learner (and as the device's
	 * last-used settings). Resolves to whether the change was saved.
	 */
	async update(change: Partial<A11yPreferences>): Promise<boolean> {
		const next = { ...this.preferences, ...change };
		const profileId = this.profileId;
		if (profileId) {
			this.#learner = { profileId, value: next };
			this.#changes++;
		}
		this.#remember(next, profileId);
		if (!profileId && !(await deviceHasLearnerData())) {
			// No learner and no database yet: the localStorage copy is the device's record, so that
			// choosing a text size never creates learner data. The first learner adopts it.
			return true;
		}
		const save = async () => (await settingsStore()).writeSettings(profileId, next);
		try {
			await save();
			return true;
		} catch (error) {
			this.#onError(error, save);
			return false;
		}
	}

	#remember(preferences: A11yPreferences, profileId: string | null) {
		this.#device = profileId ? { preferences, profileId } : { preferences };
		writeMirror(this.#storage, this.#device);
	}

	/** Loads a learner's settings when they open; a learner with none adopts the device's last-used ones. */
	#openLearner(profileId: string) {
		let cancelled = false;
		const changes = this.#changes;
		settingsStore()
			.then(async (store) => {
				const stored = await store.readSettings(profileId);
				// Changed while loading (the learner chose, or another tab saved): that is newer than what was read.
				if (cancelled || this.#changes !== changes) return;
				const own = normalizePreferences(stored.learner);
				const device = this.#device?.preferences ?? normalizePreferences(stored.device);
				const value = own ?? device;
				if (!value) return;
				this.#learner = { profileId, value };
				const mirrored = this.#device;
				const alreadyLastUsed =
					mirrored?.profileId === profileId && samePreferences(mirrored.preferences, value);
				if (own && alreadyLastUsed) return;
				this.#remember(value, profileId);
				await store.writeSettings(profileId, value);
			})
			.catch((error) => this.#onError(error));
		return () => {
			cancelled = true;
		};
	}
}

const KEY = Symbol('a11y-settings');

export function setA11ySettings(settings: A11ySettings) {
	return setContext(KEY, settings);
}

export function getA11ySettings(): A11ySettings {
	return getContext(KEY);
}
