import { localize } from '$lib/content/localize';
import { courses } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import { reviewList } from '$lib/server/narration/narrations';
import { teacherForPage } from '$lib/server/teach/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	const locale = event.locals.teachLocale ?? 'mn';
	const { db } = await database();
	return {
		approver: teacher.approver,
		toReview: teacher.approver ? (await reviewList(db, courses)).length : 0,
		courses: courses.map((c) => ({
			id: c.id,
			title: localize(c.title, locale),
			lessons: c.lessons.length
		}))
	};
};
