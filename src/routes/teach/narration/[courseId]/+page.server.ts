import { error } from '@sveltejs/kit';
import { localize } from '$lib/content/localize';
import { findCourse } from '$lib/server/content/catalogue';
import { teacherForPage } from '$lib/server/teach/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	teacherForPage(event);
	const locale = event.locals.teachLocale ?? 'mn';
	const course = findCourse(event.params.courseId);
	if (!course) error(404, { message: 'course_not_found' });
	return {
		course: { id: course.id, title: localize(course.title, locale) },
		lessons: course.lessons.map((l) => ({
			id: l.id,
			title: localize(l.title, locale),
			steps: l.steps.length
		}))
	};
};
