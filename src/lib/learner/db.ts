import Dexie, { type Table } from 'dexie';
import type { Locale } from '$lib/i18n/locale';
import type { StoredSecret } from './secret-hash';
import type { ThrottleState } from './secret-throttle';

/** A learner on this device. Every other record belongs to one profile by `profileId`. */
export interface ProfileRow {
	id: string;
	/** The display name the learner chose; empty for the implicit first learner. */
	name: string;
	locale: Locale;
	createdAt: string;
	/** Picture id (see src/lib/profiles/avatars.ts); absent on profiles made before pictures existed. */
	avatar?: string;
	/** The learner's optional PIN or picture sequence, only ever as a salted slow hash. */
	secret?: StoredSecret;
	/** Wrong secret tries in a row and the wait they impose, so a reload does not reset it. */
	throttle?: ThrottleState;
}

export type ProgressEventKind = 'step-viewed' | 'step-done' | 'answer' | 'lesson-done';

/**
 * One thing a learner did. Progress is only ever appended; the current state is derived
 * (see progress.ts), so a later write can never overwrite or lose a completion.
 */
export interface ProgressEventRow {
	/** Local order of events on this device. */
	seq?: number;
	/** Random id, generated once on the device: the event's identity when it is synced. */
	id: string;
	profileId: string;
	courseId: string;
	lessonId: string;
	kind: ProgressEventKind;
	/** Index of the step, for step and answer events. */
	step?: number;
	/** Chosen option ids, for answer events. */
	answer?: string[];
	correct?: boolean;
	/** ISO-8601 time on the device. */
	at: string;
}

/**
 * A course certificate earned on this device. Created `pending` the moment a course is complete,
 * `issued` once the server returns the signed credential. Never deleted by the app.
 */
export interface CertificateRow {
	/** Random id generated on the device; also the idempotency key of its issue request. */
	id: string;
	profileId: string;
	courseId: string;
	status: 'pending' | 'issued' | 'failed';
	completedAt: string;
	/** Extra fields (credential, server id, verify URL, last error) are added by the certificates module. */
	[key: string]: unknown;
}

/** Something that must reach the server, sent by the sync module with its idempotency key. */
export interface OutboxRow {
	/** Idempotency key, generated once on the device. */
	key: string;
	kind: string;
	profileId: string;
	createdAt: string;
	/** Extra fields (payload, attempts, next try) are added by the sync module. */
	[key: string]: unknown;
}

/** Device-wide facts (for example whether persistent storage was already requested). */
export interface DeviceRow {
	key: string;
	value: unknown;
}

/**
 * Accessibility settings (src/lib/a11y/): key = a profile id, or 'device' for the settings last used on
 * this device. `value` is read through normalizePreferences, so a record from any version is safe.
 */
export interface SettingsRow {
	key: string;
	value: unknown;
	updatedAt: string;
}

export class AlkhamDatabase extends Dexie {
	profiles!: Table<ProfileRow, string>;
	events!: Table<ProgressEventRow, number>;
	device!: Table<DeviceRow, string>;
	certificates!: Table<CertificateRow, string>;
	outbox!: Table<OutboxRow, string>;
	settings!: Table<SettingsRow, string>;

	constructor(name = 'alkham') {
		// Strict durability: a completed lesson must survive a power cut on a shared tablet.
		super(name, { chromeTransactionDurability: 'strict' });
		// Versions are only ever added, never edited: a device may hold data from any older version.
		this.version(1).stores({
			profiles: 'id, createdAt',
			events: '++seq, &id, profileId, [profileId+courseId], [profileId+lessonId]',
			device: 'key',
			certificates: 'id, profileId, [profileId+courseId], status',
			outbox: 'key, kind, profileId, createdAt'
		});
		this.version(2).stores({ settings: 'key' });
	}
}

let instance: AlkhamDatabase | undefined;

/** The device's database, opened on first use in the browser. */
export function db(): AlkhamDatabase {
	instance ??= new AlkhamDatabase();
	return instance;
}

/** For tests: use a fresh database with the given name. */
export function useDatabase(database: AlkhamDatabase) {
	instance = database;
}
