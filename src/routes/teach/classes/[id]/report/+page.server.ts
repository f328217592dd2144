import { database } from '$lib/server/db/database.server';
import { formatLongDate } from '$lib/i18n/format-date';
import { classView, TEACH_TIME_ZONE } from '$lib/server/teach/class-view';
import { teacherForPage } from '$lib/server/teach/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	const { db } = await database();
	const locale = event.locals.teachLocale ?? 'mn';
	return {
		...(await classView(db, teacher, event.params.id, locale, event.url)),
		teacherName: teacher.name,
		printedOn: formatLongDate(new Date(), locale, TEACH_TIME_ZONE)
	};
};
