import source from './recorder.browser.js?raw';
import type { RequestHandler } from './$types';

/**
 * The recording page's one script (teacher pages otherwise send none: `csr = false`), served from
 * the app's own origin so that the Content-Security-Policy's `script-src 'self'` allows it; never
 * precached, like every teacher address.
 */
export const GET: RequestHandler = () =>
	new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
