// The production server: adapter-node's request handler behind a plain node:http server, so that
// every response carries the security headers — including prerendered pages and static files,
// which adapter-node serves before the app's hooks run (src/lib/server/teach/hooks.ts covers what
// the app renders). `npm start`, the browser tests and scripts/serve-cluster.js all use this file.
// Settings as for `node build`: PORT (3000), HOST (0.0.0.0), ORIGIN and the rest of adapter-node's.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
// adapter-node refuses request bodies over BODY_SIZE_LIMIT (512 KB by default) with a bare 413, read
// when the handler loads. A narration upload may be 1 MB: the app checks an upload's size itself and
// says what is wrong in the teacher's language, so the server's own limit leaves room for it.
process.env.BODY_SIZE_LIMIT ??= '2M';
// Importing the handler also runs the app's `init` hook (database and migrations); a bad
// DATABASE_URL stops here with the app's own message.
const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);

/**
 * Headers for every response. The app's own responses set these too and may set a stricter
 * Content-Security-Policy; theirs wins (node merges headers, the later value first). Prerendered
 * pages carry their script policy (with the hash of their one inline script) in a <meta> tag, which
 * cannot say `frame-ancestors`: this header adds what the tag cannot, and allows no plugins.
 */
const BASELINE = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'content-security-policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
};

/**
 * The rest of the app's headers for a request target, left by its init hook
 * (src/lib/server/http/security-headers.ts): the Permissions-Policy of the path, and
 * Strict-Transport-Security when the configured public origin is https.
 */
const appHeaders = globalThis[Symbol.for('alkham.responseHeaders')];

/**
 * The app's direct route (src/lib/server/certificates/direct-route.ts), left by its init hook: certificate
 * issues answered without SvelteKit's per-request work, the same answer for less CPU. DIRECT_ROUTES=0
 * sends everything through SvelteKit (to compare, for example).
 */
const direct = process.env.DIRECT_ROUTES === '0' ? undefined : globalThis[Symbol.for('alkham.directRoutes')];

const server = createServer((req, res) => {
	for (const [name, value] of Object.entries(BASELINE)) res.setHeader(name, value);
	if (appHeaders) for (const [name, value] of Object.entries(appHeaders(req.url))) res.setHeader(name, value);
	if (direct?.(req, res)) return;
	handler(req, res);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// Finish requests in flight, then stop, so a restart never cuts off a certificate being issued.
function shutdown() {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
