import * as v from 'valibot';
import type { Course } from '$lib/content/types';
import type { Database } from '../db';
import { jsonError } from '../http/json-error';
import { readLimitedBody } from '../http/read-body';
import { RateLimiter } from '../http/rate-limit';
import { activeSigningKey, type SigningKey } from '../issuer/issuer-keys';
import { issueCertificate } from './issue-certificate';
import { CertificateRequestSchema } from './request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface CertificateHandlerDeps {
	db: () => Promise<Database>;
	courses: readonly Course[];
	limiter: RateLimiter;
}

/**
 * POST /api/v1/certificates. Everything is validated before anything is stored; every error is
 * `{ error: { code, message } }` (see docs/server.md for the codes).
 */
export function createCertificateHandler(deps: CertificateHandlerDeps) {
	// The signing key, read once per process: every instance reads the same key from the database.
	let signingKey: Promise<SigningKey> | undefined;

	return async function postCertificate(
		request: Request,
		clientAddress: string,
		origin: string
	): Promise<Response> {
		const wait = deps.limiter.take(clientAddress);
		if (wait > 0)
			return jsonError(429, 'rate_limited', 'Too many requests. Please try again later.', {
				'Retry-After': String(wait)
			});

		const type = request.headers.get('content-type') ?? '';
		if (!/^application\/json\s*(;|$)/i.test(type))
			return jsonError(
				415,
				'unsupported_media_type',
				'The request body must be JSON (Content-Type: application/json).'
			);

		const key = request.headers.get('idempotency-key')?.trim() ?? '';
		if (!UUID.test(key))
			return jsonError(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be a UUID.');

		const body = await readLimitedBody(request);
		if (!body.ok)
			return body.reason === 'too-large'
				? jsonError(413, 'body_too_large', 'The request body is larger than 64 KB.')
				: jsonError(400, 'invalid_body', 'The request body could not be read as UTF-8.');

		let data: unknown;
		try {
			data = JSON.parse(body.text);
		} catch {
			return jsonError(400, 'invalid_json', 'The request body is not valid JSON.');
		}
		const parsed = v.safeParse(CertificateRequestSchema, data);
		if (!parsed.success) {
			const first = parsed.issues[0];
			return jsonError(400, 'invalid_body', `${v.getDotPath(first) ?? '(body)'}: ${first.message}`);
		}

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
		if (outcome.status === 201)
			return new Response(outcome.body, { status: 201, headers: { 'content-type': 'application/json' } });
		return jsonError(outcome.status, outcome.code, outcome.message);
	};
}

/** The public origin used in credentials and verify links: PUBLIC_BASE_URL, else the request's. */
export function publicOrigin(url: URL, env: NodeJS.ProcessEnv = process.env): string {
	return env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || url.origin;
}
