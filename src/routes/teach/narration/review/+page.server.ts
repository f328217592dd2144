import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { courses } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import {
	confirmNarration,
	NarrationRefused,
	publishNarration,
	rejectNarration,
	reviewList
} from '$lib/server/narration/narrations';
import { findStep } from '$lib/server/narration/script';
import { recordingView, titles } from '$lib/server/narration/teacher-view';
import { teacherForAction, teacherForPage } from '$lib/server/teach/guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	if (!teacher.approver) error(403, { message: 'not_approver' });
	const locale = event.locals.teachLocale ?? 'mn';
	const { db } = await database();
	const items = await reviewList(db, courses);
	return {
		items: items.map((row) => {
			const ref = { ...row, locale: row.locale as Locale };
			const named = titles(courses, row.courseId, row.lessonId, locale);
			return {
				...recordingView(row, teacher.id),
				course: named?.course ?? row.courseId,
				lesson: named?.lesson ?? row.lessonId,
				step: row.step,
				locale: ref.locale,
				script: findStep(courses, ref)?.script ?? '',
				courseId: row.courseId,
				lessonId: row.lessonId
			};
		})
	};
};

/** Runs one review decision; a refusal is an error thrown with its status (403, 404 or 409). */
async function decide(
	event: RequestEvent,
	change: (
		db: Awaited<ReturnType<typeof database>>['db'],
		actor: { id: string; approver: boolean },
		id: string
	) => Promise<unknown>
) {
	const teacher = teacherForAction(event);
	const id = (await event.request.formData()).get('narration')?.toString() ?? '';
	const { db } = await database();
	try {
		await change(db, teacher, id);
	} catch (refused) {
		if (refused instanceof NarrationRefused) error(refused.status, { message: refused.code });
		throw refused;
	}
}

export const actions: Actions = {
	publish: async (event) => {
		await decide(event, (db, actor, id) => publishNarration(db, courses, actor, id));
		return { done: 'published' as const };
	},
	reject: async (event) => {
		await decide(event, (db, actor, id) => rejectNarration(db, actor, id));
		return { done: 'rejected' as const };
	},
	confirm: async (event) => {
		await decide(event, (db, actor, id) => confirmNarration(db, courses, actor, id));
		return { done: 'confirmed' as const };
	}
};
