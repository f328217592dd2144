import { courses } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import { apiRoute } from '$lib/server/http/api-errors';
import { jsonError } from '$lib/server/http/json-error';
import { audioResponse, IMMUTABLE } from '$lib/server/narration/audio-response';
import { servableAudio } from '$lib/server/narration/narrations';
import type { RequestHandler } from './$types';

/**
 * GET /api/v1/narration/audio/{id}: published, current narration's audio as stored, with byte
 * ranges (206, or 416 outside it); 404 for anything else (drafts are for the teacher pages only).
 */
export const GET: RequestHandler = apiRoute(async ({ params, request }) => {
	const { db } = await database();
	const found = await servableAudio(db, courses, params.id);
	if (!found) return jsonError(404, 'narration_not_found', 'There is no published narration with this id.');
	return audioResponse(request, found, IMMUTABLE, (headers) =>
		jsonError(416, 'range_not_satisfiable', 'The requested range is outside the audio.', {
			'content-range': headers['content-range']
		})
	);
});
