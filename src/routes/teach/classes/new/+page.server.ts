import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { createClass } from '$lib/server/teach/classes';
import { parseClassForm } from '$lib/server/teach/forms';
import { teacherForAction, teacherForPage } from '$lib/server/teach/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	teacherForPage(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const teacher = teacherForAction(event);
		const parsed = parseClassForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { db } = await database();
		const cls = await createClass(db, teacher.id, parsed.value);
		redirect(303, `/teach/classes/${cls.id}`);
	}
};
