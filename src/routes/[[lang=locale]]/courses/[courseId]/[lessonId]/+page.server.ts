import { error } from '@sveltejs/kit';
import { courses, findLesson } from '$lib/server/content/catalogue';
import { localize } from '$lib/content/localize';
import { localeOf } from '$lib/i18n/paths';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	courses.flatMap((c) =>
		c.lessons.flatMap((l) => [
			{ courseId: c.id, lessonId: l.id },
			{ courseId: c.id, lessonId: l.id, lang: 'en' }
		])
	);

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params.lang);
	const found = findLesson(params.courseId, params.lessonId);
	if (!found) error(404, 'Not found');
	const { course, lesson } = found;
	return {
		course: {
			id: course.id,
			title: course.title[locale],
			lessons: course.lessons.map((l) => ({ id: l.id, title: l.title[locale] }))
		},
		// Only this page's language: half the download of the bilingual source.
		lesson: localize(lesson, locale)
	};
};
