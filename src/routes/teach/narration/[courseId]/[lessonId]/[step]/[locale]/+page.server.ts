import { error, fail, redirect } from '@sveltejs/kit';
import { courses } from '$lib/server/content/catalogue';
import { database } from '$lib/server/db/database.server';
import { MAX_NARRATION_BYTES } from '$lib/server/narration/audio-check';
import { AUDIO_STATUS, lessonNarration, recordNarration } from '$lib/server/narration/narrations';
import { findStep } from '$lib/server/narration/script';
import { stepRef, stepView, titles } from '$lib/server/narration/teacher-view';
import { teacherForAction, teacherForPage } from '$lib/server/teach/guard';
import type { Actions, PageServerLoad } from './$types';

/** Room for the form's own fields and boundaries around the file. */
const FORM_OVERHEAD = 64 * 1024;

export const load: PageServerLoad = async (event) => {
	const teacher = teacherForPage(event);
	const ref = stepRef(event.params);
	const found = ref && findStep(courses, ref);
	if (!ref || !found) error(404, { message: 'step_not_found' });
	const named = titles(courses, ref.courseId, ref.lessonId, event.locals.teachLocale ?? 'mn')!;
	const { db } = await database();
	const steps = await lessonNarration(db, courses, ref.courseId, ref.lessonId, ref.locale);
	return {
		...ref,
		...named,
		script: found.script,
		current: stepView(steps![ref.step], teacher.id),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const teacher = teacherForAction(event);
		const ref = stepRef(event.params);
		if (!ref || !findStep(courses, ref)) error(404, { message: 'step_not_found' });
		// Refused before reading: a body this large cannot hold a recording small enough.
		const declared = Number(event.request.headers.get('content-length'));
		if (declared > MAX_NARRATION_BYTES + FORM_OVERHEAD) return fail(413, { problem: 'too_big' as const });
		let file: FormDataEntryValue | null;
		try {
			file = (await event.request.formData()).get('audio');
		} catch {
			return fail(400, { problem: 'empty' as const });
		}
		if (!(file instanceof File) || file.size === 0) return fail(400, { problem: 'empty' as const });
		if (file.size > MAX_NARRATION_BYTES) return fail(AUDIO_STATUS.too_big, { problem: 'too_big' as const });
		const { db } = await database();
		const result = await recordNarration(db, courses, teacher, ref, new Uint8Array(await file.arrayBuffer()));
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, { message: 'step_not_found' });
			return fail(result.status, { problem: result.problem });
		}
		redirect(303, `${event.url.pathname}?saved=1`);
	}
};
