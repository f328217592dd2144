import type { LearnerSession } from '$lib/learner/learner-session.svelte';
import { recordEvent } from '$lib/learner/progress-store';
import { requestPersistentStorage } from '$lib/learner/persistence';
import type { StorageStatus } from '$lib/learner/storage-status.svelte';
import type { LessonRecorder } from './player-state.svelte';

type LessonEvent = Omit<Parameters<typeof recordEvent>[0], 'profileId' | 'courseId' | 'lessonId'>;

/**
 * Saves a lesson's events for the current learner. Failures are reported to the storage status
 * (which tells the learner and offers a retry) rather than thrown at the player.
 */
export function lessonRecorder(
	session: LearnerSession,
	status: StorageStatus,
	courseId: string,
	lessonId: string
): LessonRecorder {
	let persistenceAsked = false;
	const save = async (event: LessonEvent) => {
		const profileId = session.profile?.id;
		// Without a profile the database could not be opened; the banner already says so.
		if (!profileId) return false;
		const ok = await status.guard(() => recordEvent({ ...event, profileId, courseId, lessonId }));
		if (ok && !persistenceAsked && event.kind !== 'step-viewed') {
			persistenceAsked = true;
			requestPersistentStorage().catch(() => {});
		}
		return ok;
	};
	return {
		stepViewed: (step) => save({ kind: 'step-viewed', step }),
		stepDone: (step) => save({ kind: 'step-done', step }),
		answer: (step, answer, correct) => save({ kind: 'answer', step, answer, correct }),
		lessonDone: () => save({ kind: 'lesson-done' })
	};
}
