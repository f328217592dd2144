import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { checkCertificate } from '$lib/server/certificates/lookup';
import { ISSUER_NAME } from '$lib/server/certificates/issue-certificate';
import { serverOrigin } from '$lib/server/http/public-origin';
import { confirmationOf } from '$lib/server/teach/classes';
import type { PageServerLoad } from './$types';

// Rendered on the server for every request (the learner pages around it are prerendered).
export const prerender = false;

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const { db } = await database();
	const check = await checkCertificate(db, params.id, serverOrigin());
	setHeaders({ 'cache-control': 'no-store' });
	if (check.state === 'unknown') error(404, { message: 'certificate_not_found' });
	// Nothing of a certificate this server does not vouch for is shown, only why.
	if (check.state === 'invalid' || check.state === 'unconfigured')
		return { state: check.state, id: params.id };
	if (check.state === 'foreign')
		return { state: check.state, id: params.id, issuer: check.issuer, origin: check.origin };
	const { row, verified } = check;
	// "Confirmed in person" by a teacher (teacher mode), shown beside a valid certificate.
	const confirmation = check.state === 'valid' ? await confirmationOf(db, row.id) : undefined;
	return {
		state: check.state,
		id: row.id,
		course: verified.credential.name,
		learner: row.learnerName,
		completedAt: row.completedAt.toISOString(),
		issuer: ISSUER_NAME,
		confirmation: confirmation
			? { teacherName: confirmation.teacherName, confirmedAt: confirmation.confirmedAt.toISOString() }
			: null
	};
};
