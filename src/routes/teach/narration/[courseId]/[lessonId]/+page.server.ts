import { error } from '@sveltejs/kit';
import { courses } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import { deleteDraft, lessonNarration, NarrationRefused } from '$lib/server/narration/narrations';
import { stepView, titles } from '$lib/server/narration/teacher-view';
import { teacherForAction, teacherForPage } from '$lib/server/teach/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	const locale = event.locals.teachLocale ?? 'mn';
	const { courseId, lessonId } = event.params;
	const named = titles(courses, courseId, lessonId, locale);
	const { db } = await database();
	const steps = named && (await lessonNarration(db, courses, courseId, lessonId, locale));
	if (!named || !steps) error(404, { message: 'lesson_not_found' });
	return {
		courseId,
		lessonId,
		locale,
		...named,
		steps: steps.map((s) => stepView(s, teacher.id)),
		saved: event.url.searchParams.has('saved')
	};
};

// A refused change is an error thrown (403/404/409), not a fail(): SvelteKit would answer a
// failure with HTTP 200 to a post that accepts JSON (docs/teacher-mode.md, Security).
export const actions: Actions = {
	delete: async (event) => {
		const teacher = teacherForAction(event);
		const id = (await event.request.formData()).get('narration')?.toString() ?? '';
		const { db } = await database();
		try {
			await deleteDraft(db, teacher, id);
			return { done: 'deleted' as const };
		} catch (refused) {
			if (refused instanceof NarrationRefused) error(refused.status, { message: refused.code });
			throw refused;
		}
	}
};
