import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '../http/api-result';
import { decodeBody, MAX_BODY_BYTES, type BodyResult } from '../http/read-body';
import { readPublicOrigin } from '../http/public-origin';
import { logServerError } from '../http/server-errors';
import { NON_PAGE_CSP, responseHeaders } from '../http/security-headers';
import { issueFailed, type CertificateIssuer } from './post-certificate';

/**
 * Direct routes: the hottest API endpoint answered straight from `node:http`, in front of SvelteKit.
 *
 * Issuing a certificate through SvelteKit spent more than half of the server's CPU in the
 * framework's own per-request work (a web Request with a stream body, routing, hooks, the response
 * stream) — see docs/performance.md. scripts/serve.js asks this route first; it answers
 * with exactly what the SvelteKit route at src/routes/api/v1/certificates answers (the same issuer,
 * rate limit and signing key, and the headers of the app's hooks), and leaves every other request —
 * and this one whenever it cannot be sure to do the same — to SvelteKit.
 */

/** Where the app's init hook leaves the direct route for scripts/serve.js. */
export const DIRECT_ROUTES = Symbol.for('alkham.directRoutes');

/** Answers the request and returns true, or returns false (having touched nothing) to leave it to SvelteKit. */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

const PATH = '/api/v1/certificates';

/**
 * The client's address the way adapter-node works it out (ADDRESS_HEADER, XFF_DEPTH), or undefined
 * where adapter-node would fail the request, so that SvelteKit answers as it always does.
 */
export function clientAddressOf(req: IncomingMessage, addressHeader: string, xffDepth: number) {
	if (!addressHeader) return req.socket.remoteAddress;
	const value = req.headers[addressHeader];
	if (typeof value !== 'string') return undefined;
	if (addressHeader !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	if (!(xffDepth >= 1) || xffDepth > addresses.length) return undefined;
	return addresses[addresses.length - xffDepth].trim();
}

/**
 * Reads a Node request body as UTF-8, refusing more than `limit` bytes by Content-Length before
 * reading and by counting while reading (the same rules as readLimitedBody for web requests).
 */
export function readNodeBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit)
		return Promise.resolve({ ok: false, reason: 'too-large' });
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let total = 0;
		let settled = false;
		const settle = (result: BodyResult) => {
			if (settled) return;
			settled = true;
			req.off('data', onData);
			resolve(result);
		};
		const onData = (chunk: Buffer) => {
			total += chunk.byteLength;
			if (total > limit) {
				// Stop reading; the answer closes the connection (see send).
				req.pause();
				return settle({ ok: false, reason: 'too-large' });
			}
			chunks.push(chunk);
		};
		req.on('data', onData);
		req.once('end', () => settle(decodeBody(chunks, total)));
		req.once('error', () => settle({ ok: false, reason: 'unreadable' }));
		req.once('close', () => settle({ ok: false, reason: 'unreadable' }));
	});
}

function send(res: ServerResponse, result: ApiResult, headers: Readonly<Record<string, string>>) {
	if (res.destroyed) return;
	res.writeHead(result.status, {
		...result.headers,
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(result.body),
		...headers,
		// A body refused for its size may still be arriving: do not read the rest.
		...(result.status === 413 ? { connection: 'close' } : {})
	});
	res.end(result.body);
}

/**
 * POST /api/v1/certificates straight from node:http. Undefined (no direct route) when no public
 * origin is configured (neither PUBLIC_BASE_URL nor ORIGIN, or one that is not an origin):
 * SvelteKit then answers, with the same 503 `issuer_not_configured`.
 */
export function createDirectCertificateRoute(
	issue: CertificateIssuer,
	env: NodeJS.ProcessEnv = process.env
): DirectRoute | undefined {
	const { origin } = readPublicOrigin(env);
	if (!origin) return undefined;
	// As the app's securityHeaders hook sets on everything that is not a page.
	const headers = { ...responseHeaders(PATH, origin), 'content-security-policy': NON_PAGE_CSP };
	const addressHeader = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const xffDepth = Number.parseInt(env.XFF_DEPTH ?? '1', 10);

	return (req, res) => {
		if (req.method !== 'POST') return false;
		const url = req.url ?? '';
		const query = url.indexOf('?');
		if ((query === -1 ? url : url.slice(0, query)) !== PATH) return false;
		const clientAddress = clientAddressOf(req, addressHeader, xffDepth);
		if (clientAddress === undefined) return false;

		const header = (name: string) => {
			const value = req.headers[name];
			return typeof value === 'string' ? value : null;
		};
		issue({
			contentType: header('content-type'),
			idempotencyKey: header('idempotency-key'),
			readBody: () => readNodeBody(req),
			clientAddress,
			origin
		}).then(
			(result) => send(res, result, headers),
			// The issuer answers its own failures; this only guards against a bug in it.
			(error) => {
				logServerError('POST /api/v1/certificates', error);
				send(res, issueFailed(), headers);
			}
		);
		return true;
	};
}
