import { courses } from '$lib/server/content/catalogue';
import { localeOf } from '$lib/i18n/paths';
import type { PageServerLoad } from './$types';

/** The courses, by title: the narration section offers packs of the ones the learner has started. */
export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params.lang);
	return {
		courses: courses.map((course) => ({
			id: course.id,
			title: course.title[locale],
			lessonIds: course.lessons.map((l) => l.id)
		}))
	};
};
