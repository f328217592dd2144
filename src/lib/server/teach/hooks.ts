import type { Handle, RequestEvent } from '@sveltejs/kit';
import { database } from '../db/database.server';
import { rightmostValue, trustsProxy } from './client-address';
import { isTeachPath, TEACH_LANG_COOKIE, teachLocale } from './locale';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, sessionTeacher } from './sessions';

/**
 * Whether cookies must be marked Secure: the request came over HTTPS, or a trusted proxy
 * (TRUST_PROXY=1) says it did. A classroom server on plain http on the local network still works.
 * Only the proxy's own value counts — the rightmost of `X-Forwarded-Proto`; whatever the client
 * sent in the header itself is further left.
 */
export function secureCookies(
	event: Pick<RequestEvent, 'url' | 'request'>,
	env: NodeJS.ProcessEnv = process.env
): boolean {
	if (event.url.protocol === 'https:') return true;
	if (!trustsProxy(env)) return false;
	return rightmostValue(event.request.headers.get('x-forwarded-proto'))?.toLowerCase() === 'https';
}

/** Cookie options shared by the teacher cookies. */
export function teachCookieOptions(event: RequestEvent) {
	return {
		path: SESSION_COOKIE_PATH,
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: secureCookies(event)
	};
}

/**
 * For teacher pages: decides the language and who is signed in (`locals.teachLocale`,
 * `locals.teacher`), and keeps every teacher response out of any cache.
 */
export const teachHandle: Handle = async ({ event, resolve }) => {
	if (!isTeachPath(event.url.pathname)) return resolve(event);
	const { locale, chosen } = teachLocale(event.url, event.cookies.get(TEACH_LANG_COOKIE));
	if (chosen)
		event.cookies.set(TEACH_LANG_COOKIE, locale, { ...teachCookieOptions(event), maxAge: 365 * 24 * 3600 });
	event.locals.teachLocale = locale;
	const { db } = await database();
	event.locals.teacher = (await sessionTeacher(db, event.cookies.get(SESSION_COOKIE))) ?? null;
	const response = await resolve(event);
	response.headers.set('cache-control', 'no-store');
	return response;
};

/** The URL Paraglide should read the language from: teacher pages in English count as /en/…. */
export function paraglideUrl(event: RequestEvent): URL {
	if (event.locals.teachLocale !== 'en') return event.url;
	return new URL(`/en${event.url.pathname}${event.url.search}`, event.url);
}
