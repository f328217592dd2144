import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { checkCertificate } from '$lib/server/certificates/lookup';
import { ISSUER_NAME } from '$lib/server/certificates/issue-certificate';
import { confirmationOf } from '$lib/server/teach/classes';
import type { PageServerLoad } from './$types';

// Rendered on the server for every request (the learner pages around it are prerendered).
export const prerender = false;

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const { db } = await database();
	const check = await checkCertificate(db, params.id);
	setHeaders({ 'cache-control': 'no-store' });
	if (check.state === 'unknown') error(404, { message: 'certificate_not_found' });
	if (check.state === 'invalid') return { state: 'invalid' as const, id: params.id };
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
