import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { teachers, teacherSessions } from '../db/schema-teach';
import type { Teacher } from './accounts';

/** The session cookie; its path keeps it off every request that is not a teacher page. */
export const SESSION_COOKIE = 'alkham_teach_session';
export const SESSION_COOKIE_PATH = '/teach';
const HOUR = 60 * 60 * 1000;
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * HOUR;
/** A session ends this long after sign-in however busy it was, unless TEACH_SESSION_MAX_HOURS says otherwise. */
export const SESSION_MAX_MS = 12 * HOUR;
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

/**
 * The longest a session may last from sign-in, whatever its activity: TEACH_SESSION_MAX_HOURS
 * (a positive number of hours) or 12 hours. A stolen cookie stops working by then at the latest.
 */
export function sessionMaxMs(env: NodeJS.ProcessEnv = process.env): number {
	const hours = Number(env.TEACH_SESSION_MAX_HOURS);
	return env.TEACH_SESSION_MAX_HOURS?.trim() && Number.isFinite(hours) && hours > 0
		? Math.round(hours * HOUR)
		: SESSION_MAX_MS;
}

/** When a session last used at `now` expires: after the idle time, but never past its maximum lifetime. */
function expiryAt(createdAt: Date, now: Date, maxMs: number): Date {
	return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + maxMs));
}

/** Starts a session for the teacher and returns its token for the cookie. */
export async function createSession(
	db: Database,
	teacherId: string,
	now = new Date(),
	maxMs = sessionMaxMs()
): Promise<string> {
	const token = newSessionToken();
	// Old expired sessions of this teacher are cleared on the way.
	await db
		.delete(teacherSessions)
		.where(and(eq(teacherSessions.teacherId, teacherId), lt(teacherSessions.expiresAt, now)));
	await db.insert(teacherSessions).values({
		tokenHash: hashToken(token),
		teacherId,
		createdAt: now,
		expiresAt: expiryAt(now, now, maxMs)
	});
	return token;
}

/**
 * The signed-in teacher for a session token, or undefined when the token is unknown, expired (idle
 * too long, or older than its maximum lifetime) or its account disabled. An active session's expiry
 * slides forward, up to the maximum lifetime from sign-in.
 */
export async function sessionTeacher(
	db: Database,
	token: string | undefined,
	now = new Date(),
	maxMs = sessionMaxMs()
): Promise<Teacher | undefined> {
	if (!token || token.length > 100) return undefined;
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({ teacher: teachers, createdAt: teacherSessions.createdAt, expiresAt: teacherSessions.expiresAt })
		.from(teacherSessions)
		.innerJoin(teachers, eq(teachers.id, teacherSessions.teacherId))
		.where(
			and(
				eq(teacherSessions.tokenHash, tokenHash),
				gt(teacherSessions.expiresAt, now),
				// Also checked here, so a shorter maximum set later applies to sessions already open.
				gt(teacherSessions.createdAt, new Date(now.getTime() - maxMs))
			)
		);
	if (!row || row.teacher.disabledAt) return undefined;
	const expiresAt = expiryAt(row.createdAt, now, maxMs);
	const gain = expiresAt.getTime() - row.expiresAt.getTime();
	const reachesMaximum = expiresAt.getTime() === row.createdAt.getTime() + maxMs;
	if (gain >= SLIDE_EVERY_MS || (gain > 0 && reachesMaximum))
		await db.update(teacherSessions).set({ expiresAt }).where(eq(teacherSessions.tokenHash, tokenHash));
	return row.teacher;
}

/** Ends a session: its row is deleted, so the token opens nothing anywhere any more. */
export async function endSession(db: Database, token: string | undefined): Promise<void> {
	if (token) await db.delete(teacherSessions).where(eq(teacherSessions.tokenHash, hashToken(token)));
}
