import * as certificates from '$lib/server/certificates/certificates-api.server';
import { apiRoute } from '$lib/server/http/api-errors';
import { serverOrigin } from '$lib/server/http/public-origin';
import type { RequestHandler } from './$types';

// The issuer is the configured public origin, never the request's address (see public-origin.ts).
export const POST: RequestHandler = apiRoute(({ request, getClientAddress }) =>
	certificates.postCertificate(request, getClientAddress(), serverOrigin())
);
