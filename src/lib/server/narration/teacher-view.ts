import type { Course } from '$lib/content/types';
import { localize } from '$lib/content/localize';
import type { Locale } from '$lib/i18n/locale';
import type { ListedNarration, StepNarration } from './narrations';
import type { StepRef } from './script';

/** A recording as the teacher pages show it (no ids of other teachers, no hashes). */
export interface RecordingView {
	id: string;
	status: ListedNarration['status'];
	outdated: boolean;
	recordedByName: string;
	/** The signed-in teacher's own recording. */
	mine: boolean;
	recordedAt: string;
	seconds: number;
	/** Where a signed-in teacher hears it (drafts included). */
	src: string;
}

export function recordingView(row: ListedNarration, teacherId: string): RecordingView {
	return {
		id: row.id,
		status: row.status,
		outdated: row.outdated,
		recordedByName: row.recordedByName,
		mine: row.recordedBy === teacherId,
		recordedAt: row.recordedAt.toISOString(),
		seconds: Math.max(1, Math.round(row.durationMs / 1000)),
		src: `/teach/narration/audio/${row.id}`
	};
}

export interface StepView {
	/** 0-based index; pages show index + 1. */
	step: number;
	script: string;
	status: StepNarration['status'];
	published: RecordingView | null;
	drafts: RecordingView[];
}

export function stepView(step: StepNarration, teacherId: string): StepView {
	return {
		step: step.step,
		script: step.script,
		status: step.status,
		published: step.published ? recordingView(step.published, teacherId) : null,
		drafts: step.drafts.map((d) => recordingView(d, teacherId))
	};
}

/** The step a teacher route's parameters name, or undefined when malformed (then a 404). */
export function stepRef(params: Record<string, string | undefined>): StepRef | undefined {
	const { courseId, lessonId, step, locale } = params;
	if (!courseId || !lessonId || !step || !/^\d{1,3}$/.test(step)) return undefined;
	if (locale !== 'mn' && locale !== 'en') return undefined;
	return { courseId, lessonId, step: Number(step), locale };
}

/** A course and lesson's titles in the teacher's language. */
export function titles(courses: readonly Course[], courseId: string, lessonId: string, locale: Locale) {
	const course = courses.find((c) => c.id === courseId);
	const lesson = course?.lessons.find((l) => l.id === lessonId);
	if (!course || !lesson) return undefined;
	return { course: localize(course.title, locale), lesson: localize(lesson.title, locale) };
}
