import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { apiRoute } from '$lib/server/http/api-errors';
import { activeSigningKey, publishedKeys } from '$lib/server/issuer/issuer-keys';
import type { RequestHandler } from './$types';

/** The issuer's public keys, retired ones included, so every certificate ever issued can be checked. */
export const GET: RequestHandler = apiRoute(async () => {
	const { db } = await database();
	// Creates the key on a fresh server, so the set is never empty.
	await activeSigningKey(db);
	return json(await publishedKeys(db), { headers: { 'cache-control': 'public, max-age=3600' } });
});
