import * as v from 'valibot';
import type { Course } from '$lib/content/types';
import type { Database } from '../db';
import { classifyDatabaseError } from '../db/errors';
import { apiError, toResponse, type ApiResult } from '../http/api-result';
import { readLimitedBody, type BodyResult } from '../http/read-body';
import { RateLimiter } from '../http/rate-limit';
import { describeError, inputErrorOf, logServerError } from '../http/server-errors';
import { activeSigningKey, type SigningKey } from '../issuer/issuer-keys';
import { issueCertificate } from './issue-certificate';
import { CertificateRequestSchema } from './request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface CertificateHandlerDeps {
	db: () => Promise<Database>;
	courses: readonly Course[];
	limiter: RateLimiter;
}

/** One POST /api/v1/certificates, whichever server received it (a SvelteKit route or a direct route). */
export interface CertificatePost {
	contentType: string | null;
	idempotencyKey: string | null;
	/** Reads the body, refusing more than MAX_BODY_BYTES (see read-body.ts). */
	readBody: () => Promise<BodyResult>;
	clientAddress: string;
	/**
	 * The configured public origin of this server (http/public-origin.ts), for the credential's issuer
	 * and the verify link; undefined when it is not configured, and then nothing is issued.
	 */
	origin: string | undefined;
}

/**
 * POST /api/v1/certificates. Everything is validated before anything is stored; every error is
 * `{ error: { code, message } }` (see docs/server.md for the codes).
 */
export function createCertificateIssuer(deps: CertificateHandlerDeps) {
	// The signing key, read once per process: every instance reads the same key from the database.
	let signingKey: Promise<SigningKey> | undefined;

	return async function issueFromPost(post: CertificatePost): Promise<ApiResult> {
		const wait = deps.limiter.take(post.clientAddress);
		if (wait > 0)
			return apiError(429, 'rate_limited', 'Too many requests. Please try again later.', {
				'Retry-After': String(wait)
			});

		// Never the request's Host: without a configured origin there is no issuer to sign as. A 503,
		// so that devices keep their request and send it again once the server is set up.
		const origin = post.origin;
		if (!origin)
			return apiError(
				503,
				'issuer_not_configured',
				'This server cannot issue certificates yet: its public address (PUBLIC_BASE_URL or ORIGIN) is not set.'
			);

		if (!/^application\/json\s*(;|$)/i.test(post.contentType ?? ''))
			return apiError(
				415,
				'unsupported_media_type',
				'The request body must be JSON (Content-Type: application/json).'
			);

		const key = post.idempotencyKey?.trim() ?? '';
		if (!UUID.test(key))
			return apiError(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be a UUID.');

		const body = await post.readBody();
		if (!body.ok)
			return body.reason === 'too-large'
				? apiError(413, 'body_too_large', 'The request body is larger than 64 KB.')
				: apiError(400, 'invalid_body', 'The request body could not be read as UTF-8.');

		let data: unknown;
		try {
			data = JSON.parse(body.text);
		} catch {
			return apiError(400, 'invalid_json', 'The request body is not valid JSON.');
		}
		const parsed = v.safeParse(CertificateRequestSchema, data);
		if (!parsed.success) {
			const first = parsed.issues[0];
			return apiError(400, 'invalid_body', `${v.getDotPath(first) ?? '(body)'}: ${first.message}`);
		}

		try {
			const db = await deps.db();
			signingKey ??= activeSigningKey(db).catch((error) => {
				signingKey = undefined;
				throw error;
			});
			const outcome = await issueCertificate(
				{ db, key: await signingKey, courses: deps.courses, origin },
				key.toLowerCase(),
				parsed.output
			);
			if (outcome.status === 201) return { status: 201, body: outcome.body };
			return apiError(outcome.status, outcome.code, outcome.message);
		} catch (error) {
			// A value the database refused is the request's fault (a 4xx); a database that is away or
			// full is a 503 the device retries; anything else a logged 500. Nothing was stored (one statement).
			return databaseFailed(error);
		}
	};
}

export type CertificateIssuer = ReturnType<typeof createCertificateIssuer>;

const lastLogged = new Map<string, number>();

/** Logs a message at most once a minute, so an outage under load does not flood the log. */
function logNow(kind: string, now = Date.now()): boolean {
	if (now - (lastLogged.get(kind) ?? 0) < 60_000) return false;
	lastLogged.set(kind, now);
	return true;
}

/**
 * The answer when the database fails: a 503 with Retry-After when it is away or full (the device
 * tries again; nothing was stored), a 500 otherwise.
 */
export function databaseFailed(error: unknown): ApiResult {
	const input = inputErrorOf(error);
	if (input) return input;
	const failure = classifyDatabaseError(error);
	// The driver's own message, never Drizzle's (which repeats the query's parameters).
	const reason = describeError(error).split('\n')[0];
	if (failure === 'unavailable') {
		if (logNow(failure))
			console.error(
				`The database cannot be reached (${reason}); devices are asked to try again in a few seconds.`
			);
		return apiError(
			503,
			'database_unavailable',
			'The server cannot reach its database just now. Nothing was stored; please try again in a few seconds.',
			{ 'Retry-After': '5' }
		);
	}
	if (failure === 'full') {
		if (logNow(failure))
			console.error(
				`The database's disk is full (${reason}): no certificate can be stored until space is freed. Devices keep their requests and try again.`
			);
		return apiError(
			503,
			'storage_full',
			'The server has no room to store the certificate just now. Nothing was stored; please try again later.',
			{ 'Retry-After': '60' }
		);
	}
	logServerError('POST /api/v1/certificates', error);
	return issueFailed();
}

/** The answer when issuing fails unexpectedly: nothing was stored, and the device retries later. */
export function issueFailed(): ApiResult {
	return apiError(
		500,
		'internal_error',
		'The server could not issue the certificate. Please try again later.'
	);
}

/** The issuer behind a web `Request` → `Response` handler, as SvelteKit routes use. */
export function webCertificateHandler(issue: CertificateIssuer) {
	return async function postCertificate(
		request: Request,
		clientAddress: string,
		origin: string | undefined
	): Promise<Response> {
		return toResponse(
			await issue({
				contentType: request.headers.get('content-type'),
				idempotencyKey: request.headers.get('idempotency-key'),
				readBody: () => readLimitedBody(request),
				clientAddress,
				origin
			})
		);
	};
}

export function createCertificateHandler(deps: CertificateHandlerDeps) {
	return webCertificateHandler(createCertificateIssuer(deps));
}
