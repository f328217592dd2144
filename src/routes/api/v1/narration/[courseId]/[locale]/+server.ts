import { json } from '@sveltejs/kit';
import { findCourse } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import { apiRoute } from '$lib/server/http/api-errors';
import { jsonError } from '$lib/server/http/json-error';
import { packManifest } from '$lib/server/narration/narrations';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/narration/{courseId}/{locale}: the course's narration pack manifest (docs/narration.md),
 * published and current narration only; revalidated on every use, as it changes with each publish.
 */
export const GET: RequestHandler = apiRoute(async ({ params }) => {
	const { courseId, locale } = params;
	if (locale !== 'mn' && locale !== 'en')
		return jsonError(400, 'unknown_locale', 'The language must be mn or en.');
	const course = findCourse(courseId);
	if (!course) return jsonError(404, 'course_not_found', 'There is no course with this id.');
	const { db } = await database();
	return json(await packManifest(db, course, locale), { headers: { 'cache-control': 'no-cache' } });
});
