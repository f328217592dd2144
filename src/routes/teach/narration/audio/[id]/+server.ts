import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { audioResponse } from '$lib/server/narration/audio-response';
import { anyAudio } from '$lib/server/narration/narrations';
import { teacherForAction } from '$lib/server/teach/guard';
import type { RequestHandler } from './$types';

/** Any narration's audio, drafts included, for signed-in teachers (403 signed out); never cached. */
export const GET: RequestHandler = async (event) => {
	teacherForAction(event);
	const { db } = await database();
	const found = await anyAudio(db, event.params.id);
	if (!found) error(404, { message: 'narration_not_found' });
	return audioResponse(event.request, found, 'private, no-store');
};
