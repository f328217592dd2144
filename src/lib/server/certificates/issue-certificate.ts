import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Course } from '$lib/content/types';
import { runPrepared, type Database } from '../db';
import { idempotencyKeys } from '../db/schema';
import type { SigningKey } from '../issuer/issuer-keys';
import { buildCredential } from './credential';
import { canonicalJson, timestampMs, type CertificateRequest } from './request';
import { signCredential } from './vc-jwt';

export interface IssuedCertificate {
	id: string;
	credential: string;
	verifyUrl: string;
}

export type IssueOutcome =
	| { status: 201; /** The JSON response text, identical on every replay. */ body: string }
	| { status: 409 | 422; code: string; message: string };

export interface IssueContext {
	db: Database;
	key: SigningKey;
	courses: readonly Course[];
	/** Public origin of this server, e.g. https://alkham.example.mn */
	origin: string;
	now?: () => Date;
}

/**
 * How far ahead of the server's clock a device's may be before a completion date is refused as
 * being in the future. Phones that take their time from the network are seconds apart; a device
 * whose clock runs further ahead gets a 422 and can send again once its date has passed.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * No lesson can have been completed before Alkham's courses existed: the first lessons were
 * written on 24 November 2026 (the project's first commit). An earlier date is a device whose
 * clock was reset (to 1970 or 2000, say), or a made-up request.
 */
export const COURSES_FIRST_PUBLISHED = '2026-11-24T00:00:00Z';
const FLOOR_MS = Date.parse(COURSES_FIRST_PUBLISHED);

export const ISSUER_NAME = 'Алхам (Alkham)';

/** The page where anyone can check a certificate, in the language it was earned in. */
export function verifyUrl(origin: string, id: string, locale: 'mn' | 'en') {
	return `${origin}${locale === 'en' ? '/en' : ''}/verify/${id}`;
}

/**
 * One statement claims the idempotency key and stores the certificate: atomic without a transaction,
 * one round trip. The primary key on the idempotency key decides between concurrent duplicates.
 * Prepared once per connection on PostgreSQL (runPrepared).
 */
const ISSUE_STATEMENT = `
	WITH claimed AS (
		INSERT INTO idempotency_keys (key, request_hash, status, response, certificate_id)
		VALUES ($1, $2, 201, $3, $4)
		ON CONFLICT DO NOTHING
		RETURNING key
	)
	INSERT INTO certificates
		(id, learner_id, learner_name, course_id, course_version, completed_at, locale, class_code, credential, kid)
	SELECT $4, $5, $6, $7, $8, $9::timestamptz, $10, $11, $12, $13
	FROM claimed
	RETURNING id`;

function hashRequest(request: CertificateRequest) {
	return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

async function replay(db: Database, key: string, requestHash: string): Promise<IssueOutcome | undefined> {
	const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
	if (!row) return undefined;
	if (row.requestHash !== requestHash)
		return {
			status: 409,
			code: 'idempotency_key_reused',
			message: 'This Idempotency-Key was already used with a different request.'
		};
	return { status: 201, body: row.response };
}

/**
 * A completion date the device's clock got wrong: before the courses existed (a clock reset), or
 * ahead of the server's (a clock running fast: the device sends again once the date has passed).
 * Codes of their own, so the device can say "check the date and time" instead of "the course changed".
 */
function dateProblem(request: CertificateRequest, now: Date): { code: string; message: string } | undefined {
	// The schema let through only real dates (request.ts), so none is undefined here.
	const dates = [request.completedAt, ...request.lessons.map((l) => l.completedAt)].map(
		(date) => timestampMs(date) ?? Number.NaN
	);
	if (dates.some((date) => !(date >= FLOOR_MS)))
		return {
			code: 'completed_before_courses',
			message: `A completion date is before Alkham's courses existed (${COURSES_FIRST_PUBLISHED}); check the device's clock.`
		};
	if (dates.some((date) => date > now.getTime() + CLOCK_SKEW_MS))
		return {
			code: 'completed_in_future',
			message: `A completion date is in the future (more than ${CLOCK_SKEW_MS / 60_000} minutes ahead of the server's clock); check the device's clock.`
		};
	return undefined;
}

/** Checks the request against the catalogue: a known course, and exactly its lessons. */
function inconsistency(request: CertificateRequest, course: Course | undefined): string | undefined {
	if (!course) return `Unknown course "${request.courseId}".`;
	const ids = new Set(course.lessons.map((l) => l.id));
	const stranger = request.lessons.find((l) => !ids.has(l.lessonId));
	if (stranger) return `Lesson "${stranger.lessonId}" does not belong to course "${course.id}".`;
	const sent = new Set(request.lessons.map((l) => l.lessonId));
	const missing = course.lessons.find((l) => !sent.has(l.id));
	if (missing) return `Lesson "${missing.id}" of course "${course.id}" is not completed.`;
	if (sent.size !== request.lessons.length) return 'A lesson is listed twice.';
	return undefined;
}

/**
 * Issues a certificate exactly once per idempotency key: a replay of the same key and request gets
 * the identical response, the same key with another request a 409. The idempotency row and the
 * certificate are written by one statement, so a response lost after commit is recovered by replay.
 */
export async function issueCertificate(
	ctx: IssueContext,
	idempotencyKey: string,
	request: CertificateRequest
): Promise<IssueOutcome> {
	const now = ctx.now?.() ?? new Date();
	const requestHash = hashRequest(request);
	const course = ctx.courses.find((c) => c.id === request.courseId);
	const problem = inconsistency(request, course);
	if (problem || !course)
		return { status: 422, code: 'inconsistent_data', message: problem ?? 'Unknown course.' };
	const clock = dateProblem(request, now);
	if (clock) return { status: 422, ...clock };

	const id = randomUUID();
	const issuedAt = now.toISOString();
	const credential = signCredential(
		buildCredential({
			certificateId: id,
			issuerUrl: ctx.origin,
			issuerName: ISSUER_NAME,
			learner: request.learner,
			course: {
				id: course.id,
				version: course.version,
				title: course.title[request.locale],
				description: course.description[request.locale]
			},
			completedAt: request.completedAt,
			issuedAt,
			locale: request.locale
		}),
		ctx.key
	);
	const issued: IssuedCertificate = { id, credential, verifyUrl: verifyUrl(ctx.origin, id, request.locale) };
	const body = JSON.stringify(issued);

	const inserted = await runPrepared(ctx.db, 'alkham_issue_certificate', ISSUE_STATEMENT, [
		idempotencyKey,
		requestHash,
		body,
		id,
		request.learner.id,
		request.learner.name,
		course.id,
		course.version,
		request.completedAt,
		request.locale,
		request.classCode ?? null,
		credential,
		ctx.key.kid
	]);
	if (inserted.length === 0) {
		const winner = await replay(ctx.db, idempotencyKey, requestHash);
		if (winner) return winner;
		throw new Error('Idempotency key conflict without a stored response');
	}
	return { status: 201, body };
}
