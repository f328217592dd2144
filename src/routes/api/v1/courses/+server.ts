import { json } from '@sveltejs/kit';
import { courses } from '$lib/server/content/catalogue';
import type { RequestHandler } from './$types';

/** The catalogue the server accepts certificates for, from the same content the app is built from. */
export const GET: RequestHandler = () =>
	json(
		courses.map((c) => ({
			id: c.id,
			version: c.version,
			title: c.title,
			lessons: c.lessons.map((l) => ({ id: l.id, title: l.title }))
		})),
		{ headers: { 'cache-control': 'public, max-age=300' } }
	);
