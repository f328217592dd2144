import { asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database } from '../db';
import { teachers, teacherSessions } from '../db/schema-teach';
import { hashPassword, passwordProblem, type PasswordContext, type PasswordProblem } from './password';

export type Teacher = typeof teachers.$inferSelect;

/** Email addresses compare without case or surrounding spaces. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export const EmailSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());

export const TeacherNameSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1),
	v.maxLength(80),
	v.regex(/^[^\p{C}]+$/u)
);

export type AccountError = 'invalid_email' | 'invalid_name' | PasswordProblem | 'exists' | 'unknown';

export class AccountProblem extends Error {
	name = 'AccountProblem';
	constructor(readonly code: AccountError) {
		super(code);
	}
}

function check(password: string, context: PasswordContext) {
	const problem = passwordProblem(password, context);
	if (problem) throw new AccountProblem(problem);
}

/** Creates a teacher account (the administrator's command; there is no sign-up). */
export async function createTeacher(
	db: Database,
	input: { email: string; name: string; password: string }
): Promise<Teacher> {
	const email = v.safeParse(EmailSchema, input.email);
	if (!email.success) throw new AccountProblem('invalid_email');
	const name = v.safeParse(TeacherNameSchema, input.name);
	if (!name.success) throw new AccountProblem('invalid_name');
	check(input.password, { email: email.output, name: name.output });
	const [row] = await db
		.insert(teachers)
		.values({
			id: crypto.randomUUID(),
			email: email.output,
			name: name.output,
			passwordHash: await hashPassword(input.password)
		})
		.onConflictDoNothing({ target: teachers.email })
		.returning();
	if (!row) throw new AccountProblem('exists');
	return row;
}

/** The teacher with this email, if any. */
export async function findTeacherByEmail(db: Database, email: string): Promise<Teacher | undefined> {
	const [row] = await db
		.select()
		.from(teachers)
		.where(eq(teachers.email, normalizeEmail(email)));
	return row;
}

/** Every account, oldest first. */
export function listTeachers(db: Database): Promise<Teacher[]> {
	return db.select().from(teachers).orderBy(asc(teachers.createdAt), asc(teachers.email));
}

async function existing(db: Database, email: string): Promise<Teacher> {
	const teacher = await findTeacherByEmail(db, email);
	if (!teacher) throw new AccountProblem('unknown');
	return teacher;
}

/** Disables or re-enables an account; disabling also ends every session it has. */
export async function setTeacherDisabled(db: Database, email: string, disabled: boolean): Promise<Teacher> {
	const teacher = await existing(db, email);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(teachers)
			.set({ disabledAt: disabled ? (teacher.disabledAt ?? new Date()) : null })
			.where(eq(teachers.id, teacher.id))
			.returning();
		if (disabled) await tx.delete(teacherSessions).where(eq(teacherSessions.teacherId, teacher.id));
		return row;
	});
}

/** Sets a new password and ends every session, so a stolen session stops working too. */
export async function resetTeacherPassword(db: Database, email: string, password: string): Promise<Teacher> {
	const teacher = await existing(db, email);
	check(password, teacher);
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(teachers)
			.set({ passwordHash })
			.where(eq(teachers.id, teacher.id))
			.returning();
		await tx.delete(teacherSessions).where(eq(teacherSessions.teacherId, teacher.id));
		return row;
	});
}

/** Grants or revokes the approver role (publishing, rejecting and confirming recorded narration). */
export async function setTeacherApprover(db: Database, email: string, approver: boolean): Promise<Teacher> {
	const teacher = await existing(db, email);
	const [row] = await db.update(teachers).set({ approver }).where(eq(teachers.id, teacher.id)).returning();
	return row;
}
