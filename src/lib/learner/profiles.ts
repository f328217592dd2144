import type { Locale } from '$lib/i18n/locale';
import { db, type ProfileRow } from './db';
import { verifySecret, type StoredSecret } from './secret-hash';
import { DEFAULT_IDLE_MINUTES } from './idle-defaults';
import { afterFailure, waitRemaining, type ThrottleState } from './secret-throttle';

/** The learner opened last on this device (v1 stored its implicit learner here). */
const LAST_PROFILE = 'currentProfileId';
const HELPER_CODE = 'helperCode';
const HELPER_THROTTLE = 'helperCodeThrottle';
const IDLE_MINUTES = 'idleLockMinutes';

/** Every learner on this device, oldest first (the order of the tiles on "Who is learning?"). */
export function listProfiles(): Promise<ProfileRow[]> {
	return db().profiles.orderBy('createdAt').toArray();
}

export function getProfile(id: string): Promise<ProfileRow | undefined> {
	return db().profiles.get(id);
}

/** Adds a learner: only a name, a picture and a language are needed. */
export async function createProfile(input: {
	name: string;
	avatar: string;
	locale: Locale;
}): Promise<ProfileRow> {
	const profile: ProfileRow = {
		id: crypto.randomUUID(),
		name: input.name,
		avatar: input.avatar,
		locale: input.locale,
		createdAt: new Date().toISOString()
	};
	await db().profiles.add(profile);
	return profile;
}

/** Changes a learner's name, picture or language. */
export async function updateProfile(
	id: string,
	changes: Partial<Pick<ProfileRow, 'name' | 'avatar' | 'locale'>>
): Promise<void> {
	await db().profiles.update(id, changes);
}

/** Remembers the learner opened last (read by nobody to open it: opening always goes through the picker). */
export async function rememberOpened(id: string): Promise<void> {
	await db().device.put({ key: LAST_PROFILE, value: id });
}

/** Sets or removes a learner's secret; a new secret also forgets earlier wrong tries. */
export async function setProfileSecret(id: string, secret: StoredSecret | undefined): Promise<void> {
	const database = db();
	await database.transaction('rw', database.profiles, async () => {
		const row = await database.profiles.get(id);
		if (!row) throw new Error(`No learner ${id}`);
		const { secret: _old, throttle: _t, ...rest } = row;
		await database.profiles.put(secret ? { ...rest, secret } : rest);
	});
}

export type SecretCheck = { ok: true } | { ok: false; waitMs: number };

/**
 * Checks a try against a stored secret with the throttle: a try during a wait is not checked at
 * all, a wrong try lengthens the wait, a right one clears it. `load`/`save` read and write the
 * throttle state where it is kept (the profile row or the device table).
 */
async function checkThrottled(
	secret: StoredSecret,
	value: string,
	load: () => Promise<ThrottleState | undefined>,
	save: (state: ThrottleState | undefined) => Promise<unknown>,
	now: () => Date
): Promise<SecretCheck> {
	const wait = waitRemaining(await load(), now());
	if (wait > 0) return { ok: false, waitMs: wait };
	if (await verifySecret(secret, value)) {
		await save(undefined);
		return { ok: true };
	}
	// Read again after the slow hash, so two quick tries both count.
	const next = afterFailure(await load(), now());
	await save(next);
	return { ok: false, waitMs: waitRemaining(next, now()) };
}

/** Checks a learner's secret; a learner without a secret always passes. */
export async function checkProfileSecret(
	id: string,
	value: string,
	now = () => new Date()
): Promise<SecretCheck> {
	const database = db();
	const row = await database.profiles.get(id);
	if (!row) throw new Error(`No learner ${id}`);
	if (!row.secret) return { ok: true };
	return checkThrottled(
		row.secret,
		value,
		async () => (await database.profiles.get(id))?.throttle,
		(state) =>
			database.transaction('rw', database.profiles, async () => {
				const current = await database.profiles.get(id);
				if (!current) return;
				const { throttle: _t, ...rest } = current;
				await database.profiles.put(state ? { ...rest, throttle: state } : rest);
			}),
		now
	);
}

/** How long a learner must still wait before their secret is checked again. */
export async function profileWait(id: string, now = new Date()): Promise<number> {
	return waitRemaining((await db().profiles.get(id))?.throttle, now);
}

export async function hasHelperCode(): Promise<boolean> {
	return (await db().device.get(HELPER_CODE)) !== undefined;
}

/** Sets the device helper code (the caller has checked the old one, if any). */
export async function setHelperCode(secret: StoredSecret): Promise<void> {
	const database = db();
	await database.transaction('rw', database.device, async () => {
		await database.device.put({ key: HELPER_CODE, value: secret });
		await database.device.delete(HELPER_THROTTLE);
	});
}

/** Checks the device helper code, throttled like a learner's secret. No code set: never passes. */
export async function checkHelperCode(value: string, now = () => new Date()): Promise<SecretCheck> {
	const database = db();
	const stored = (await database.device.get(HELPER_CODE))?.value as StoredSecret | undefined;
	if (!stored) return { ok: false, waitMs: 0 };
	return checkThrottled(
		stored,
		value,
		async () => (await database.device.get(HELPER_THROTTLE))?.value as ThrottleState | undefined,
		(state) =>
			state
				? database.device.put({ key: HELPER_THROTTLE, value: state })
				: database.device.delete(HELPER_THROTTLE),
		now
	);
}

/**
 * Removes a learner and everything that belongs to them on this device, in one transaction.
 * Certificates already issued stay valid on the server. Only called after the learner's secret or
 * the helper code was checked and the removal confirmed.
 */
export async function removeProfile(id: string): Promise<void> {
	const database = db();
	await database.transaction(
		'rw',
		[database.profiles, database.events, database.certificates, database.outbox, database.device],
		async () => {
			await database.events.where('profileId').equals(id).delete();
			await database.certificates.where('profileId').equals(id).delete();
			await database.outbox.where('profileId').equals(id).delete();
			await database.profiles.delete(id);
			const last = await database.device.get(LAST_PROFILE);
			if (last?.value === id) await database.device.delete(LAST_PROFILE);
		}
	);
}

export async function idleMinutes(): Promise<number> {
	const value = (await db().device.get(IDLE_MINUTES))?.value;
	return typeof value === 'number' && value >= 0 ? value : DEFAULT_IDLE_MINUTES;
}

export async function setIdleMinutes(minutes: number): Promise<void> {
	await db().device.put({ key: IDLE_MINUTES, value: minutes });
}
