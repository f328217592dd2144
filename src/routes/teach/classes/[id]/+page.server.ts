import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { classView } from '$lib/server/teach/class-view';
import { confirmInPerson, ownedClass, withdrawConfirmation } from '$lib/server/teach/classes';
import { teacherForAction, teacherForPage } from '$lib/server/teach/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	const { db } = await database();
	return classView(db, teacher, event.params.id, event.locals.teachLocale ?? 'mn', event.url);
};

/** The certificate a confirm/withdraw form names, after checking the class is the teacher's. */
async function target(event: Parameters<Actions[string]>[0]) {
	const teacher = teacherForAction(event);
	const { db } = await database();
	if (!(await ownedClass(db, teacher.id, event.params.id ?? ''))) error(404, { message: 'class_not_found' });
	const certificateId = (await event.request.formData()).get('certificate')?.toString() ?? '';
	return { db, teacher, classId: event.params.id ?? '', certificateId };
}

// A certificate that is not this teacher's to confirm is a 404 thrown, not a returned fail(): a
// failure would be answered 200 (with the 404 inside the body) to a post that accepts JSON.
export const actions: Actions = {
	confirm: async (event) => {
		const { db, teacher, classId, certificateId } = await target(event);
		if (!(await confirmInPerson(db, teacher.id, classId, certificateId)))
			error(404, { message: 'certificate_not_found' });
		return { done: 'confirmed' as const, certificateId };
	},
	withdraw: async (event) => {
		const { db, teacher, classId, certificateId } = await target(event);
		if (!(await withdrawConfirmation(db, teacher.id, classId, certificateId)))
			error(404, { message: 'certificate_not_found' });
		return { done: 'withdrawn' as const, certificateId };
	}
};
