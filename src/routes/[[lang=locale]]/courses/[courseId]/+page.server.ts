import { error } from '@sveltejs/kit';
import { courses, findCourse } from '$lib/server/content/catalogue';
import { localeOf } from '$lib/i18n/paths';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	courses.flatMap((c) => [{ courseId: c.id }, { courseId: c.id, lang: 'en' }]);

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params.lang);
	const course = findCourse(params.courseId);
	if (!course) error(404, 'Not found');
	return {
		course: {
			id: course.id,
			title: course.title[locale],
			description: course.description[locale],
			lessons: course.lessons.map((l) => ({
				id: l.id,
				title: l.title[locale],
				description: l.description[locale]
			}))
		}
	};
};
