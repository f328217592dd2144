import type { ProgressEventRow } from './db';

export type LessonState = 'not-started' | 'in-progress' | 'done';

type Event = Pick<ProgressEventRow, 'lessonId' | 'kind' | 'step'>;

/** The state of one lesson, derived from a learner's events (in device order). */
export function lessonState(events: readonly Event[], lessonId: string): LessonState {
	let seen = false;
	for (const e of events) {
		if (e.lessonId !== lessonId) continue;
		if (e.kind === 'lesson-done') return 'done';
		seen = true;
	}
	return seen ? 'in-progress' : 'not-started';
}

/**
 * Where to open a lesson: the last step the learner saw, so they resume where they left off.
 * A finished lesson opens at its first step for review.
 */
export function resumeStep(events: readonly Event[], lessonId: string, stepCount: number): number {
	let last = 0;
	let done = false;
	for (const e of events) {
		if (e.lessonId !== lessonId) continue;
		if (e.kind === 'lesson-done') done = true;
		if (e.kind === 'step-viewed' && e.step !== undefined) last = e.step;
	}
	if (done) return 0;
	return Math.min(Math.max(0, last), Math.max(0, stepCount - 1));
}

/** Steps the learner has completed in a lesson (quiz answered, practice finished, read). */
export function completedSteps(events: readonly Event[], lessonId: string): Set<number> {
	const out = new Set<number>();
	for (const e of events)
		if (e.lessonId === lessonId && e.kind === 'step-done' && e.step !== undefined) out.add(e.step);
	return out;
}

export interface CourseProgress {
	done: number;
	total: number;
	state: LessonState;
	/** The lesson to open next: the first one not done, or undefined when all are done. */
	nextLessonId: string | undefined;
}

/** Progress through a course, derived from events. */
export function courseProgress(events: readonly Event[], lessonIds: readonly string[]): CourseProgress {
	const states = lessonIds.map((id) => lessonState(events, id));
	const done = states.filter((s) => s === 'done').length;
	const started = states.some((s) => s !== 'not-started');
	return {
		done,
		total: lessonIds.length,
		state: done === lessonIds.length && done > 0 ? 'done' : started ? 'in-progress' : 'not-started',
		nextLessonId: lessonIds.find((_, i) => states[i] !== 'done')
	};
}
