import * as certificates from '$lib/server/certificates/certificates-api.server';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, getClientAddress, url }) =>
	certificates.postCertificate(request, getClientAddress(), certificates.publicOrigin(url));
