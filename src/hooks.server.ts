import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { database } from '$lib/server/db/database.server';
import { DatabaseConfigError } from '$lib/server/db';

/**
 * Opens the database and applies migrations when the server starts, so a bad or unreachable
 * DATABASE_URL stops start-up with a clear message. Prerendering at build time needs no database.
 */
export const init: ServerInit = async () => {
	if (building) return;
	try {
		const { driver } = await database();
		console.log(`Database ready (${driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})`);
	} catch (error) {
		if (error instanceof DatabaseConfigError) {
			console.error(`Alkham cannot start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
};

/**
 * Runs every request inside Paraglide's per-request locale, so server-rendered and prerendered
 * pages use the language of their URL, and writes that language into `<html lang>`.
 */
export const handle: Handle = ({ event, resolve }) => {
	// The JSON API has no pages and no language: skip the locale middleware on its hot path.
	if (event.url.pathname.startsWith('/api/')) return resolve(event);
	return paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};
