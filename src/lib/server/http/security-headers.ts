import type { Handle } from '@sveltejs/kit';

/**
 * Headers on every response the app renders (set by the securityHeaders hook, and by the direct
 * route that answers before SvelteKit). scripts/serve.js adds the same baseline to static files.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY'
};

/**
 * Content-Security-Policy for anything that is not a page (JSON, CSV): allows nothing. Pages get
 * theirs from SvelteKit (`kit.csp` in svelte.config.js).
 */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Sent when the configured public origin is https: browsers then never use plain http for this
 * host (or its subdomains) for a year. Never over plain http: a classroom server on the local
 * network, or `npm start` on localhost, must stay reachable.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Powerful features the app never uses, denied to every page and to anything it might embed.
 * Each is a name Chromium knows (an unknown one only costs a console warning, as `bluetooth` does
 * where a build has no Web Bluetooth); `interest-cohort` is for older browsers that still have FLoC,
 * `browsing-topics` for its successor. Not listed, because the app uses them or may: autoplay
 * (reading a step aloud plays audio), fullscreen, clipboard-write, web-share.
 */
const NEVER_USED = [
	'accelerometer',
	'bluetooth',
	'browsing-topics',
	'camera',
	'clipboard-read',
	'display-capture',
	'encrypted-media',
	'gamepad',
	'geolocation',
	'gyroscope',
	'hid',
	'identity-credentials-get',
	'idle-detection',
	'interest-cohort',
	'keyboard-map',
	'local-fonts',
	'magnetometer',
	'midi',
	'otp-credentials',
	'payment',
	'picture-in-picture',
	'publickey-credentials-create',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'speaker-selection',
	'usb',
	'window-management',
	'xr-spatial-tracking'
];

const policy = (microphone: string) =>
	[...NEVER_USED.map((feature) => `${feature}=()`), `microphone=${microphone}`].join(', ');

/** Permissions-Policy of every response: nothing the app does not use, no microphone. */
export const PERMISSIONS_POLICY = policy('()');

/** Permissions-Policy of the teacher's narration pages (recording a lesson's audio): the microphone, for this origin only. */
export const NARRATION_PERMISSIONS_POLICY = policy('(self)');

/** The teacher's narration pages, the only place that may ask for the microphone. */
export function isNarrationPath(pathname: string): boolean {
	return /^\/teach\/narration(?:\/|$)/.test(pathname);
}

/**
 * The headers every response carries, for an address's path and the configured public origin
 * (http/public-origin.ts): the baseline above, the Permissions-Policy of the path, and
 * Strict-Transport-Security when the origin is https. The result is shared: do not change it.
 */
export function responseHeaders(
	pathname: string,
	origin: string | undefined
): Readonly<Record<string, string>> {
	return headerSets(origin)(pathname);
}

type HeaderSets = (pathname: string) => Readonly<Record<string, string>>;
const cache = new Map<string | undefined, HeaderSets>();

/** responseHeaders for one origin, with its two possible answers made once. */
function headerSets(origin: string | undefined): HeaderSets {
	const known = cache.get(origin);
	if (known) return known;
	const usual: Record<string, string> = { ...SECURITY_HEADERS, 'permissions-policy': PERMISSIONS_POLICY };
	if (origin?.startsWith('https:')) usual['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
	const narration = Object.freeze({ ...usual, 'permissions-policy': NARRATION_PERMISSIONS_POLICY });
	Object.freeze(usual);
	const sets: HeaderSets = (pathname) => (isNarrationPath(pathname) ? narration : usual);
	cache.set(origin, sets);
	return sets;
}

/**
 * The same headers for a request target as node:http gives it (`/path?query`), for
 * scripts/serve.js, which adds them to the static files and prerendered pages it serves before
 * the app's hooks run (the init hook in src/hooks.server.ts hands this over).
 */
export function headersForTarget(origin: string | undefined) {
	const sets = headerSets(origin);
	return (target: string | undefined) => {
		const path = target ?? '/';
		const query = path.indexOf('?');
		return sets(query === -1 ? path : path.slice(0, query));
	};
}

/** Where the init hook leaves headersForTarget for scripts/serve.js. */
export const RESPONSE_HEADERS = Symbol.for('alkham.responseHeaders');

/**
 * Security headers on every response the server renders. Pages get their Content-Security-Policy
 * from SvelteKit (`kit.csp` in svelte.config.js, with nonces or hashes for its own inline script);
 * anything else (JSON, CSV) gets a policy that allows nothing.
 */
export function securityHeaders(origin: string | undefined): Handle {
	const sets = headerSets(origin);
	return async ({ event, resolve }) => {
		let response = await resolve(event);
		try {
			response.headers.set('x-content-type-options', 'nosniff');
		} catch {
			// A response with immutable headers (e.g. passed through from fetch): copy it.
			response = new Response(response.body, response);
		}
		const headers = response.headers;
		for (const [name, value] of Object.entries(sets(event.url.pathname))) headers.set(name, value);
		if (!headers.has('content-security-policy') && !headers.get('content-type')?.includes('text/html'))
			headers.set('content-security-policy', NON_PAGE_CSP);
		return response;
	};
}
