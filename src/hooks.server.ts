import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import firstFrame from '$lib/a11y/first-frame.js?raw';
import { database } from '$lib/server/db/database.server';
import { DatabaseConfigError } from '$lib/server/db';
import { paraglideUrl, teachHandle } from '$lib/server/teach/hooks';
import { isTeachPath } from '$lib/server/teach/locale';
import { startAdminSocket } from '$lib/server/teach/admin-socket';
import { issueFromPost } from '$lib/server/certificates/certificates-api.server';
import { createDirectCertificateRoute, DIRECT_ROUTES } from '$lib/server/certificates/direct-route';
import { apiErrors, isApiPath } from '$lib/server/http/api-errors';
import { paintFirst } from '$lib/server/http/paint-first';
import { readPublicOrigin, serverOrigin } from '$lib/server/http/public-origin';
import { APP_SHELL } from '$lib/pwa/learner-pages.js';
import { headersForTarget, RESPONSE_HEADERS, securityHeaders } from '$lib/server/http/security-headers';

/**
 * Checks the public origin and opens the database (applying migrations) when the server starts,
 * so a malformed PUBLIC_BASE_URL or ORIGIN, or a bad or unreachable DATABASE_URL, stops start-up
 * with a clear message. Prerendering at build time needs neither.
 */
export const init: ServerInit = async () => {
	if (building) return;
	const { origin, problem } = readPublicOrigin(process.env);
	if (problem) {
		console.error(`Alkham cannot start: ${problem}`);
		process.exit(1);
	}
	if (!origin)
		console.warn(
			'Alkham will not issue certificates: set PUBLIC_BASE_URL (or ORIGIN) to the address people use, ' +
				'such as https://alkham.example.mn. Until then certificate requests get 503 issuer_not_configured.'
		);
	// scripts/serve.js adds these headers to the static files it serves before the hooks run.
	(globalThis as Record<symbol, unknown>)[RESPONSE_HEADERS] = headersForTarget(origin);
	try {
		const { driver, db } = await database();
		console.log(`Database ready (${driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})`);
		// `npm run admin` reaches the embedded database through this server (see admin-socket.ts).
		if (driver === 'pglite') await startAdminSocket(db);
		// scripts/serve.js answers certificate issues straight from node:http (see direct-route.ts).
		(globalThis as Record<symbol, unknown>)[DIRECT_ROUTES] = createDirectCertificateRoute(issueFromPost);
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
const localize: Handle = ({ event, resolve }) => {
	// The JSON API has no pages and no language: skip the locale middleware on its hot path.
	if (isApiPath(event.url.pathname)) return resolve(event);
	// Learner pages get the script that applies the device's accessibility settings before the first
	// paint; teacher pages send no JavaScript at all (and have no learner settings).
	const { pathname } = event.url;
	const settingsScript = isTeachPath(pathname) ? '' : `<script>${firstFrame}</script>`;
	// A page with server HTML paints it before the app starts; the app shell has nothing to paint.
	const deferStart =
		pathname === APP_SHELL ? (html: string) => html : (html: string) => paintFirst(html, pathname);
	return paraglideMiddleware(
		event.request,
		({ locale }) =>
			resolve(event, {
				transformPageChunk: ({ html }) =>
					deferStart(
						html
							.replace('%paraglide.lang%', locale)
							// The whole element, so that no formatting of app.html can change the script's hash.
							.replace('<!--%alkham.first-frame%-->', () => settingsScript)
					)
			}),
		// Teacher pages keep one address in both languages (see $lib/server/teach/locale).
		{ effectiveRequestUrl: paraglideUrl(event) }
	);
};

// Security headers go on last, so they cover every answer, the API's errors included.
export const handle = sequence(securityHeaders(serverOrigin()), apiErrors, teachHandle, localize);
