import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { checkCertificate } from '$lib/server/certificates/lookup';
import { apiRoute } from '$lib/server/http/api-errors';
import { jsonError } from '$lib/server/http/json-error';
import { serverOrigin } from '$lib/server/http/public-origin';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/certificates/{id}: whether this server vouches for a certificate — `valid` or
 * `revoked` — or, as `invalid` with a `problem`, why not (see docs/server.md).
 */
export const GET: RequestHandler = apiRoute(async ({ params }) => {
	const origin = serverOrigin();
	if (!origin)
		return jsonError(
			503,
			'issuer_not_configured',
			'This server cannot check certificates: its public address (PUBLIC_BASE_URL or ORIGIN) is not set.'
		);
	const { db } = await database();
	const check = await checkCertificate(db, params.id, origin);
	if (check.state === 'unknown') return jsonError(404, 'not_found', 'No certificate has this id.');
	const { id, credential } = check.row;
	if (check.state === 'valid' || check.state === 'revoked')
		return json({ id, status: check.state, credential });
	const problem =
		check.state === 'foreign'
			? {
					problem: 'issuer_mismatch',
					issuer: check.issuer,
					message: `This credential names ${check.issuer} as its issuer, not this server (${origin}). Do not trust it.`
				}
			: {
					problem: 'bad_signature',
					message: 'The credential’s signature does not match the published keys. It may have been changed.'
				};
	return json({ id, status: 'invalid', ...problem, credential });
});
