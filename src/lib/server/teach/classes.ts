import { and, asc, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { generateJoinCode, isJoinCode, normalizeJoinCode } from '$lib/classes/join-code';
import type { Database } from '../db';
import { certificates } from '../db/schema';
import { classes, inPersonConfirmations, teachers } from '../db/schema-teach';
import type { ClassCertificate } from './roster';
import type { ClassInput } from './forms';

export type ClassRow = typeof classes.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates a class with a fresh join code (a new one is drawn in the rare case of a collision). */
export async function createClass(db: Database, teacherId: string, input: ClassInput): Promise<ClassRow> {
	for (let attempt = 0; attempt < 10; attempt++) {
		const [row] = await db
			.insert(classes)
			.values({ id: crypto.randomUUID(), teacherId, code: generateJoinCode(), ...input })
			.onConflictDoNothing({ target: classes.code })
			.returning();
		if (row) return row;
	}
	throw new Error('No free join code found after 10 tries');
}

/** The teacher's classes, newest first. */
export function teacherClasses(db: Database, teacherId: string): Promise<ClassRow[]> {
	return db.select().from(classes).where(eq(classes.teacherId, teacherId)).orderBy(desc(classes.createdAt));
}

/** The class if it exists and belongs to this teacher; undefined otherwise (the caller answers 404). */
export async function ownedClass(db: Database, teacherId: string, classId: string) {
	if (!UUID.test(classId)) return undefined;
	const [row] = await db
		.select()
		.from(classes)
		.where(and(eq(classes.id, classId.toLowerCase()), eq(classes.teacherId, teacherId)));
	return row;
}

/** What a learner sees before joining: the class and teacher names, for an active teacher's class. */
export async function classByCode(db: Database, typed: string) {
	const code = normalizeJoinCode(typed);
	if (!isJoinCode(code)) return undefined;
	const [row] = await db
		.select({ code: classes.code, name: classes.name, teacherName: teachers.name })
		.from(classes)
		.innerJoin(teachers, eq(teachers.id, classes.teacherId))
		.where(and(eq(classes.code, code), isNull(teachers.disabledAt)));
	return row;
}

/**
 * Certificates that arrived with the class's code since the class was created: the only way a
 * learner becomes part of a class.
 */
export function classCertificates(db: Database, cls: ClassRow): Promise<ClassCertificate[]> {
	return db
		.select({
			id: certificates.id,
			learnerId: certificates.learnerId,
			learnerName: certificates.learnerName,
			courseId: certificates.courseId,
			completedAt: certificates.completedAt,
			issuedAt: certificates.issuedAt,
			status: certificates.status,
			confirmedAt: inPersonConfirmations.confirmedAt
		})
		.from(certificates)
		.leftJoin(inPersonConfirmations, eq(inPersonConfirmations.certificateId, certificates.id))
		.where(and(eq(certificates.classCode, cls.code), gte(certificates.issuedAt, cls.createdAt)))
		.orderBy(asc(certificates.issuedAt));
}

/**
 * Marks a certificate "confirmed in person" by the teacher. Only a valid certificate that came to
 * one of this teacher's classes qualifies: one statement checks ownership and writes, so a forged
 * form changes nothing. Returns false when the certificate is not the teacher's to confirm.
 */
export async function confirmInPerson(
	db: Database,
	teacherId: string,
	classId: string,
	certificateId: string,
	now = new Date()
): Promise<boolean> {
	if (!UUID.test(classId) || !UUID.test(certificateId)) return false;
	const eligible = await db
		.select({ id: certificates.id })
		.from(certificates)
		.innerJoin(classes, eq(classes.code, certificates.classCode))
		.where(
			and(
				eq(certificates.id, certificateId.toLowerCase()),
				eq(certificates.status, 'valid'),
				eq(classes.id, classId.toLowerCase()),
				eq(classes.teacherId, teacherId),
				gte(certificates.issuedAt, classes.createdAt)
			)
		);
	if (eligible.length === 0) return false;
	await db
		.insert(inPersonConfirmations)
		.values({ certificateId: eligible[0].id, classId: classId.toLowerCase(), teacherId, confirmedAt: now })
		.onConflictDoNothing();
	return true;
}

/** Withdraws this teacher's own confirmation (a mistake); false when there is none to withdraw. */
export async function withdrawConfirmation(
	db: Database,
	teacherId: string,
	classId: string,
	certificateId: string
): Promise<boolean> {
	if (!UUID.test(classId) || !UUID.test(certificateId)) return false;
	const deleted = await db
		.delete(inPersonConfirmations)
		.where(
			and(
				eq(inPersonConfirmations.certificateId, certificateId.toLowerCase()),
				eq(inPersonConfirmations.classId, classId.toLowerCase()),
				eq(inPersonConfirmations.teacherId, teacherId)
			)
		)
		.returning({ id: inPersonConfirmations.certificateId });
	return deleted.length > 0;
}

/** Who confirmed a certificate in person and when, for the public verify page. */
export async function confirmationOf(db: Database, certificateId: string) {
	if (!UUID.test(certificateId)) return undefined;
	const [row] = await db
		.select({ teacherName: teachers.name, confirmedAt: inPersonConfirmations.confirmedAt })
		.from(inPersonConfirmations)
		.innerJoin(teachers, eq(teachers.id, inPersonConfirmations.teacherId))
		.where(eq(inPersonConfirmations.certificateId, certificateId.toLowerCase()));
	return row;
}

/** Number of distinct learners per class of the teacher, for the class list. */
export async function learnerCounts(db: Database, teacherId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ classId: classes.id, learners: sql<number>`count(distinct ${certificates.learnerId})::int` })
		.from(classes)
		.innerJoin(
			certificates,
			and(eq(certificates.classCode, classes.code), gte(certificates.issuedAt, classes.createdAt))
		)
		.where(eq(classes.teacherId, teacherId))
		.groupBy(classes.id);
	return new Map(rows.map((r) => [r.classId, Number(r.learners)]));
}
