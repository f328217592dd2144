import type { Locale } from '$lib/i18n/locale';
import { db, type CertificateRow, type OutboxRow } from '$lib/learner/db';
import { courseProgress } from '$lib/learner/progress';

/** A certificate as the device keeps it (the row's free fields, typed). */
export interface DeviceCertificate extends CertificateRow {
	status: 'pending' | 'issued' | 'failed';
	locale: Locale;
	/** The display name to print; empty until the learner gives one. */
	learnerName: string;
	lessons: { lessonId: string; completedAt: string }[];
	/** Set once issued. */
	credential?: string;
	verifyUrl?: string;
	/** Why the server refused it, as an error code (`failed`). */
	problem?: string;
	/** The class join code it is sent with, null for none; fixed at the first try (see outbox.ts). */
	classCode?: string | null;
}

export interface OutboxItem extends OutboxRow {
	kind: 'certificate';
	attempts: number;
	/** Epoch ms of the next try. */
	nextAttemptAt: number;
}

export const CERTIFICATE_OUTBOX = 'certificate';

/**
 * Creates the course certificate the moment every lesson is done, together with its outbox item,
 * in one strict-durability transaction. Idempotent: a second call (another tab, a double click)
 * returns the existing certificate; its id, generated once here, is the request's idempotency key.
 */
export async function ensureCertificate(input: {
	profileId: string;
	learnerName: string;
	courseId: string;
	lessonIds: string[];
	locale: Locale;
}): Promise<DeviceCertificate | undefined> {
	const database = db();
	return database.transaction('rw', database.events, database.certificates, database.outbox, async () => {
		const existing = await database.certificates
			.where('[profileId+courseId]')
			.equals([input.profileId, input.courseId])
			.first();
		if (existing) return existing as DeviceCertificate;
		const events = await database.events
			.where('[profileId+courseId]')
			.equals([input.profileId, input.courseId])
			.sortBy('seq');
		if (courseProgress(events, input.lessonIds).state !== 'done') return undefined;
		const doneAt = (lessonId: string) =>
			events.find((e) => e.lessonId === lessonId && e.kind === 'lesson-done')?.at ?? new Date().toISOString();
		const lessons = input.lessonIds.map((lessonId) => ({ lessonId, completedAt: doneAt(lessonId) }));
		const certificate: DeviceCertificate = {
			id: crypto.randomUUID(),
			profileId: input.profileId,
			courseId: input.courseId,
			status: 'pending',
			completedAt: lessons
				.map((l) => l.completedAt)
				.sort()
				.at(-1)!,
			locale: input.locale,
			learnerName: input.learnerName.trim(),
			lessons
		};
		const item: OutboxItem = {
			key: certificate.id,
			kind: CERTIFICATE_OUTBOX,
			profileId: input.profileId,
			createdAt: new Date().toISOString(),
			attempts: 0,
			nextAttemptAt: 0
		};
		await database.certificates.add(certificate);
		await database.outbox.add(item);
		return certificate;
	});
}

/**
 * Makes the certificate of every course the learner has finished but holds none for: the tab may
 * have closed after the last lesson was saved and before its certificate was made (they are two
 * steps, the player's and this module's). Returns how many it made.
 */
export async function awardEarnedCertificates(input: {
	profileId: string;
	learnerName: string;
	courses: Record<string, string[]>;
	locale: Locale;
}): Promise<number> {
	const database = db();
	const [events, held] = await Promise.all([
		database.events.where('profileId').equals(input.profileId).toArray(),
		database.certificates.where('profileId').equals(input.profileId).toArray()
	]);
	let made = 0;
	for (const [courseId, lessonIds] of Object.entries(input.courses)) {
		if (held.some((c) => c.courseId === courseId)) continue;
		const ofCourse = events.filter((e) => e.courseId === courseId);
		if (courseProgress(ofCourse, lessonIds).state !== 'done') continue;
		if (await ensureCertificate({ ...input, courseId, lessonIds })) made++;
	}
	return made;
}

/** A learner's certificates, newest first. */
export async function certificatesOf(profileId: string): Promise<DeviceCertificate[]> {
	const rows = (await db()
		.certificates.where('profileId')
		.equals(profileId)
		.toArray()) as DeviceCertificate[];
	return rows.sort((a, b) => b.completedAt.localeCompare(a.completedAt));
}

/** Sets the name printed on a certificate that is not issued yet, so it can be sent. */
export async function nameCertificate(id: string, name: string) {
	await db().certificates.update(id, { learnerName: name.trim() });
}

/** Puts a refused certificate back in the outbox, for example after the learner fixed its name. */
export async function retryCertificate(id: string) {
	const database = db();
	await database.transaction('rw', database.certificates, database.outbox, async () => {
		const row = (await database.certificates.get(id)) as DeviceCertificate | undefined;
		if (!row || row.status === 'issued') return;
		await database.certificates.update(id, { status: 'pending', problem: undefined });
		await database.outbox.put({
			key: id,
			kind: CERTIFICATE_OUTBOX,
			profileId: row.profileId,
			createdAt: new Date().toISOString(),
			attempts: 0,
			nextAttemptAt: 0
		} satisfies OutboxItem);
	});
}
