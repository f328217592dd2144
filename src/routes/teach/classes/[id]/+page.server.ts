import { error, fail } from '@sveltejs/kit';
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

export const actions: Actions = {
	confirm: async (event) => {
		const { db, teacher, classId, certificateId } = await target(event);
		if (!(await confirmInPerson(db, teacher.id, classId, certificateId)))
			return fail(404, { problem: 'certificate_not_found' as const });
		return { done: 'confirmed' as const, certificateId };
	},
	withdraw: async (event) => {
		const { db, teacher, classId, certificateId } = await target(event);
		if (!(await withdrawConfirmation(db, teacher.id, classId, certificateId)))
			return fail(404, { problem: 'certificate_not_found' as const });
		return { done: 'withdrawn' as const, certificateId };
	}
};
