import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { apiRoute } from '$lib/server/http/api-errors';
import { RateLimiter } from '$lib/server/http/rate-limit';
import { jsonError } from '$lib/server/http/json-error';
import { classByCode } from '$lib/server/teach/classes';
import type { RequestHandler } from './$types';

// Slows down anyone guessing codes to read class and teacher names (per instance; see rate-limit.ts).
const limiter = new RateLimiter(Number(process.env.CLASS_LOOKUP_PER_MINUTE ?? 30), 10);

/** GET /api/v1/classes/{code}: `{ code, name, teacherName }` for a learner about to join, or 404. */
export const GET: RequestHandler = apiRoute(async ({ params, getClientAddress }) => {
	const wait = limiter.take(getClientAddress());
	if (wait > 0)
		return jsonError(429, 'rate_limited', 'Too many requests; try again later.', {
			'retry-after': String(wait)
		});
	const { db } = await database();
	const found = await classByCode(db, params.code);
	if (!found) return jsonError(404, 'class_not_found', 'No class has this code.');
	return json(found, { headers: { 'cache-control': 'no-store' } });
});
