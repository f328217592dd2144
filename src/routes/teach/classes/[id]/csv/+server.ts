import { database } from '$lib/server/db/database.server';
import { m } from '$lib/paraglide/messages';
import { classView } from '$lib/server/teach/class-view';
import { toCsv, type CsvCell } from '$lib/server/teach/csv';
import { teacherForAction } from '$lib/server/teach/guard';
import type { RequestHandler } from './$types';

/** The class as CSV: one row per certificate a learner of the class holds, in the teacher's language. */
export const GET: RequestHandler = async (event) => {
	const teacher = teacherForAction(event);
	const locale = event.locals.teachLocale ?? 'mn';
	const { db } = await database();
	const view = await classView(db, teacher, event.params.id, locale, event.url);
	const options = { locale };
	const rows: CsvCell[][] = [
		[
			m.teach_column_learner({}, options),
			m.teach_column_course({}, options),
			m.teach_column_completed({}, options),
			m.teach_column_confirmed({}, options),
			m.teach_column_status({}, options),
			m.teach_column_last_sync({}, options),
			m.teach_column_verify({}, options)
		]
	];
	for (const learner of view.learners)
		for (const { courseId, certificate: c } of learner.courses) {
			if (!c) continue;
			rows.push([
				learner.name,
				view.courses.find((course) => course.id === courseId)?.title ?? courseId,
				c.completedDay,
				c.confirmedDay,
				c.revoked ? m.teach_certificate_revoked({}, options) : m.teach_status_valid({}, options),
				learner.lastSyncDay,
				c.verifyUrl
			]);
		}
	const name = `alkham-${view.cls.code}-${new Date().toISOString().slice(0, 10)}.csv`;
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
