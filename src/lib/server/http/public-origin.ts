/**
 * The public origin of this server: what certificates name as their issuer (`iss`) and where their
 * verify links point. It comes from configuration only — PUBLIC_BASE_URL, else adapter-node's
 * ORIGIN — never from a request: a request's Host header is whatever the client wrote, and a signed
 * issuer taken from it would let anyone mint certificates that name a site of their choosing.
 */

/** What the configuration says: the origin, or nothing (unset), or why the value set is unusable. */
export type OriginConfig = { origin: string; problem?: undefined } | { origin?: undefined; problem?: string };

const SETTINGS = ['PUBLIC_BASE_URL', 'ORIGIN'] as const;

/** `value` as an origin (`https://alkham.example.mn`, a trailing slash allowed), or undefined. */
export function asOrigin(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
	return url.origin;
}

/**
 * The public origin from PUBLIC_BASE_URL, else ORIGIN. A value that is set but is not an http(s)
 * origin is a problem to report at start-up, not something to guess around.
 */
export function readPublicOrigin(env: NodeJS.ProcessEnv = process.env): OriginConfig {
	for (const name of SETTINGS) {
		const value = env[name];
		if (!value?.trim()) continue;
		const origin = asOrigin(value);
		if (origin) return { origin };
		return {
			problem: `${name} is "${value}", which is not an origin. Set it to the address people use, such as https://alkham.example.mn (no path).`
		};
	}
	return {};
}

let configured: OriginConfig | undefined;

/**
 * This process's public origin, read once (the configuration does not change while it runs);
 * undefined when it is not configured, and then the server issues nothing (see docs/server.md).
 */
export function serverOrigin(): string | undefined {
	configured ??= readPublicOrigin(process.env);
	return configured.origin;
}

/**
 * The origin for links shown on the server's own pages (a class's join link, say), which nobody
 * signs: the configured one, else the address the page was opened at. Never use it for anything a
 * certificate says.
 */
export function linkOrigin(url: URL): string {
	return serverOrigin() ?? url.origin;
}

/** Whether `issuer` (a credential's `iss`) names `origin`, written either way (a trailing slash, letter case). */
export function isIssuer(issuer: unknown, origin: string): boolean {
	return typeof issuer === 'string' && asOrigin(issuer) === origin;
}
