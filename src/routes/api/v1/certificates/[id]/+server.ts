import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { findCertificate } from '$lib/server/certificates/lookup';
import { jsonError } from '$lib/server/http/json-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { db } = await database();
	const row = await findCertificate(db, params.id);
	if (!row) return jsonError(404, 'not_found', 'No certificate has this id.');
	return json({
		id: row.id,
		status: row.status === 'revoked' ? 'revoked' : 'valid',
		credential: row.credential
	});
};
