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
