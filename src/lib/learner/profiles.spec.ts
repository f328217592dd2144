import { beforeEach, describe, expect, test } from 'vitest';
import type { AlkhamDatabase } from './db';
import { freshDeviceDb } from '$lib/testing/device-db';
import * as profiles from './profiles';
import { recordEvent } from './progress-store';
import { hashSecret } from './secret-hash';
import { FIRST_DELAY_MS, FREE_TRIES } from './secret-throttle';

let database: AlkhamDatabase;
const FAST = 1_000;

beforeEach(() => {
	database = freshDeviceDb();
});

const clock = (start = Date.parse('2026-01-01T10:00:00Z')) => {
	let now = start;
	return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

async function learnerWithPin(pin = '2580') {
	const learner = await profiles.createProfile({ name: 'Бат', avatar: 'sun', locale: 'mn' });
	await profiles.setProfileSecret(learner.id, await hashSecret('pin', pin, FAST));
	return learner;
}

describe('profiles', () => {
	test('lists learners oldest first', async () => {
		const a = await profiles.createProfile({ name: 'A', avatar: 'sun', locale: 'mn' });
		await new Promise((r) => setTimeout(r, 5));
		const b = await profiles.createProfile({ name: 'B', avatar: 'moon', locale: 'en' });
		expect((await profiles.listProfiles()).map((p) => p.id)).toEqual([a.id, b.id]);
	});

	test('lists the nameless learner of the first version with its progress untouched', async () => {
		await database.profiles.add({ id: 'v1', name: '', locale: 'mn', createdAt: '2025-01-01T00:00:00Z' });
		await recordEvent({ profileId: 'v1', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		expect((await profiles.listProfiles()).map((p) => p.id)).toEqual(['v1']);
		await profiles.updateProfile('v1', { name: 'Дорж', avatar: 'cat' });
		expect(await profiles.getProfile('v1')).toMatchObject({ name: 'Дорж', avatar: 'cat' });
		expect(await database.events.where('profileId').equals('v1').count()).toBe(1);
	});
});

describe('learner secrets', () => {
	test('a learner without a secret always opens', async () => {
		const learner = await profiles.createProfile({ name: 'A', avatar: 'sun', locale: 'mn' });
		expect(await profiles.checkProfileSecret(learner.id, 'anything')).toEqual({ ok: true });
	});

	test('the right PIN opens, a wrong one does not', async () => {
		const learner = await learnerWithPin();
		expect(await profiles.checkProfileSecret(learner.id, '0000')).toEqual({ ok: false, waitMs: 0 });
		expect(await profiles.checkProfileSecret(learner.id, '2580')).toEqual({ ok: true });
	});

	test('repeated wrong tries make the learner wait, kept in the database', async () => {
		const learner = await learnerWithPin();
		const time = clock();
		for (let i = 0; i < FREE_TRIES - 1; i++)
			expect(await profiles.checkProfileSecret(learner.id, '0000', time.now)).toEqual({
				ok: false,
				waitMs: 0
			});
		expect(await profiles.checkProfileSecret(learner.id, '0000', time.now)).toEqual({
			ok: false,
			waitMs: FIRST_DELAY_MS
		});
		// Even the right PIN is not checked during the wait; the wait survives a reload (it is stored).
		time.advance(10_000);
		expect(await profiles.checkProfileSecret(learner.id, '2580', time.now)).toEqual({
			ok: false,
			waitMs: FIRST_DELAY_MS - 10_000
		});
		expect((await database.profiles.get(learner.id))?.throttle?.failures).toBe(FREE_TRIES);
		time.advance(FIRST_DELAY_MS);
		expect(await profiles.checkProfileSecret(learner.id, '2580', time.now)).toEqual({ ok: true });
		expect((await database.profiles.get(learner.id))?.throttle).toBeUndefined();
	});

	test('removing or replacing a secret forgets earlier wrong tries', async () => {
		const learner = await learnerWithPin();
		await profiles.checkProfileSecret(learner.id, '0000');
		await profiles.setProfileSecret(learner.id, undefined);
		const row = await database.profiles.get(learner.id);
		expect(row?.secret).toBeUndefined();
		expect(row?.throttle).toBeUndefined();
	});
});

describe('helper code', () => {
	test('is refused while none is set', async () => {
		expect(await profiles.hasHelperCode()).toBe(false);
		expect(await profiles.checkHelperCode('library1')).toEqual({ ok: false, waitMs: 0 });
	});

	test('is stored hashed and checked with the same throttle', async () => {
		await profiles.setHelperCode(await hashSecret('helper', 'library1', FAST));
		expect(JSON.stringify(await database.device.toArray())).not.toContain('library1');
		const time = clock();
		for (let i = 0; i < FREE_TRIES; i++) await profiles.checkHelperCode('wrong-code', time.now);
		expect((await profiles.checkHelperCode('library1', time.now)).ok).toBe(false);
		time.advance(FIRST_DELAY_MS);
		expect(await profiles.checkHelperCode('library1', time.now)).toEqual({ ok: true });
	});

	test('resetting a forgotten secret with it keeps the learner’s progress and certificates', async () => {
		const learner = await learnerWithPin();
		await recordEvent({ profileId: learner.id, courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		await database.certificates.add({
			id: 'cert',
			profileId: learner.id,
			courseId: 'c',
			status: 'pending',
			completedAt: '2026-01-01T00:00:00Z'
		});
		await profiles.setProfileSecret(learner.id, undefined);
		expect(await database.events.where('profileId').equals(learner.id).count()).toBe(1);
		expect(await database.certificates.get('cert')).toBeDefined();
		expect(await profiles.checkProfileSecret(learner.id, '')).toEqual({ ok: true });
	});
});

describe('removing a learner', () => {
	test('removes only that learner and everything of theirs', async () => {
		const a = await profiles.createProfile({ name: 'A', avatar: 'sun', locale: 'mn' });
		const b = await profiles.createProfile({ name: 'B', avatar: 'moon', locale: 'mn' });
		for (const id of [a.id, b.id]) {
			await recordEvent({ profileId: id, courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
			await database.outbox.add({ key: `k-${id}`, kind: 'certificate', profileId: id, createdAt: '' });
		}
		await profiles.rememberOpened(a.id);
		await profiles.removeProfile(a.id);
		expect((await profiles.listProfiles()).map((p) => p.id)).toEqual([b.id]);
		expect(await database.events.where('profileId').equals(a.id).count()).toBe(0);
		expect(await database.events.where('profileId').equals(b.id).count()).toBe(1);
		expect(await database.outbox.count()).toBe(1);
		expect(await database.device.get('currentProfileId')).toBeUndefined();
	});
});

describe('idle lock setting', () => {
	test('defaults to 10 minutes and can be turned off', async () => {
		expect(await profiles.idleMinutes()).toBe(10);
		await profiles.setIdleMinutes(0);
		expect(await profiles.idleMinutes()).toBe(0);
	});
});
