import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { teachers, teacherSessions } from '../db/schema-teach';
import type { Teacher } from './accounts';

/** The session cookie; its path keeps it off every request that is not a teacher page. */
export const SESSION_COOKIE = 'alkham_teach_session';
export const SESSION_COOKIE_PATH = '/teach';
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Expiry is moved forward at most this often, so browsing does not write on every request. */
const SLIDE_EVERY_MS = 60 * 1000;

/** A new random session token (32 bytes, base64url): only the browser ever holds it. */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens no session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for the teacher and returns its token for the cookie. */
export async function createSession(db: Database, teacherId: string, now = new Date()): Promise<string> {
	const token = newSessionToken();
	// Old expired sessions of this teacher are cleared on the way.
	await db
		.delete(teacherSessions)
		.where(and(eq(teacherSessions.teacherId, teacherId), lt(teacherSessions.expiresAt, now)));
	await db.insert(teacherSessions).values({
		tokenHash: hashToken(token),
		teacherId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + SESSION_IDLE_MS)
	});
	return token;
}

/**
 * The signed-in teacher for a session token, or undefined when the token is unknown, expired or its
 * account disabled. An active session's expiry slides forward.
 */
export async function sessionTeacher(
	db: Database,
	token: string | undefined,
	now = new Date()
): Promise<Teacher | undefined> {
	if (!token || token.length > 100) return undefined;
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({ teacher: teachers, expiresAt: teacherSessions.expiresAt })
		.from(teacherSessions)
		.innerJoin(teachers, eq(teachers.id, teacherSessions.teacherId))
		.where(and(eq(teacherSessions.tokenHash, tokenHash), gt(teacherSessions.expiresAt, now)));
	if (!row || row.teacher.disabledAt) return undefined;
	const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
	if (expiresAt.getTime() - row.expiresAt.getTime() >= SLIDE_EVERY_MS)
		await db.update(teacherSessions).set({ expiresAt }).where(eq(teacherSessions.tokenHash, tokenHash));
	return row.teacher;
}

/** Ends a session: its row is deleted, so the token opens nothing anywhere any more. */
export async function endSession(db: Database, token: string | undefined): Promise<void> {
	if (token) await db.delete(teacherSessions).where(eq(teacherSessions.tokenHash, hashToken(token)));
}
