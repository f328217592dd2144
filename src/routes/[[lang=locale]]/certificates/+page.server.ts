import { courses } from '$lib/server/content/catalogue';
import { localeOf } from '$lib/i18n/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params.lang);
	return {
		courseTitles: Object.fromEntries(courses.map((c) => [c.id, c.title[locale]])),
		// To make a finished course's certificate that a closed tab never made (awardEarnedCertificates).
		courseLessons: Object.fromEntries(courses.map((c) => [c.id, c.lessons.map((l) => l.id)]))
	};
};
