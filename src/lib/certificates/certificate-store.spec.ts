import { beforeEach, describe, expect, test } from 'vitest';
import type { AlkhamDatabase } from '$lib/learner/db';
import { freshDeviceDb } from '$lib/testing/device-db';
import { recordEvent } from '$lib/learner/progress-store';
import {
	awardEarnedCertificates,
	certificatesOf,
	ensureCertificate,
	nameCertificate,
	retryCertificate
} from './certificate-store';

let database: AlkhamDatabase;
const profileId = 'p1';
const input = {
	profileId,
	learnerName: 'Сараа',
	courseId: 'c',
	lessonIds: ['a', 'b'],
	locale: 'mn' as const
};

async function finish(lessonId: string) {
	await recordEvent({ profileId, courseId: 'c', lessonId, kind: 'lesson-done' });
}

beforeEach(() => {
	database = freshDeviceDb();
});

describe('ensureCertificate', () => {
	test('creates nothing before every lesson is done', async () => {
		await finish('a');
		expect(await ensureCertificate(input)).toBeUndefined();
		expect(await database.certificates.count()).toBe(0);
	});

	test('creates a pending certificate and its outbox item at once when the course is complete', async () => {
		await finish('a');
		await finish('b');
		const certificate = await ensureCertificate(input);
		expect(certificate).toMatchObject({ status: 'pending', learnerName: 'Сараа', courseId: 'c' });
		expect(certificate?.lessons.map((l) => l.lessonId)).toEqual(['a', 'b']);
		const outbox = await database.outbox.toArray();
		expect(outbox).toHaveLength(1);
		expect(outbox[0].key).toBe(certificate?.id);
	});

	test('creates exactly one certificate when called twice or concurrently', async () => {
		await finish('a');
		await finish('b');
		const results = await Promise.all([
			ensureCertificate(input),
			ensureCertificate(input),
			ensureCertificate(input)
		]);
		await ensureCertificate(input);
		expect(new Set(results.map((r) => r?.id)).size).toBe(1);
		expect(await database.certificates.count()).toBe(1);
		expect(await database.outbox.count()).toBe(1);
	});

	test('keeps each learner’s certificates apart', async () => {
		await finish('a');
		await finish('b');
		await ensureCertificate(input);
		expect(await certificatesOf('someone-else')).toEqual([]);
		expect(await certificatesOf(profileId)).toHaveLength(1);
	});

	test('lets the learner name a certificate and send a refused one again', async () => {
		await finish('a');
		await finish('b');
		const certificate = (await ensureCertificate({ ...input, learnerName: '' }))!;
		await nameCertificate(certificate.id, '  Дорж  ');
		await database.certificates.update(certificate.id, { status: 'failed', problem: 'invalid_body' });
		await database.outbox.clear();
		await retryCertificate(certificate.id);
		expect(await database.certificates.get(certificate.id)).toMatchObject({
			learnerName: 'Дорж',
			status: 'pending'
		});
		expect(await database.outbox.count()).toBe(1);
	});
});

describe('awardEarnedCertificates', () => {
	const courses = { c: ['a', 'b'], other: ['x'] };

	test('makes the certificate of a finished course the tab closed before making, once', async () => {
		await finish('a');
		await finish('b');
		// The tab closed here: the last lesson is saved, its certificate was never made.
		const award = () => awardEarnedCertificates({ ...input, courses });
		expect(await award()).toBe(1);
		expect(await Promise.all([award(), award()])).toEqual([0, 0]);
		const held = await certificatesOf(profileId);
		expect(held.map((c) => c.courseId)).toEqual(['c']);
		expect(await database.outbox.count()).toBe(1);
	});

	test('makes nothing for an unfinished course', async () => {
		await finish('a');
		expect(await awardEarnedCertificates({ ...input, courses })).toBe(0);
		expect(await database.certificates.count()).toBe(0);
	});
});
