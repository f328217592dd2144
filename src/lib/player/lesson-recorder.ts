import type { LearnerSession } from '$lib/learner/learner-session.svelte';
import type { ProgressEventRow } from '$lib/learner/db';
import { learnerData } from '$lib/learner/load';
import type { StorageStatus } from '$lib/learner/storage-status.svelte';
import type { LessonRecorder } from './player-state.svelte';

type LessonEvent = Omit<ProgressEventRow, 'seq' | 'id' | 'at' | 'profileId' | 'courseId' | 'lessonId'>;

/**
 * Saves a lesson's events for the current learner (a guest's stay in memory only). Failures are
 * reported to the storage status — which tells the learner and offers a
 * retry — rather than thrown at the player.
 */
export function lessonRecorder(
	session: LearnerSession,
	status: StorageStatus,
	courseId: string,
	lessonId: string
): LessonRecorder {
	let persistenceAsked = false;
	const save = async (event: LessonEvent) => {
		if (session.isGuest) {
			// "Just looking": kept in memory for this visit only, never written to the device.
			session.recordGuestEvent({ ...event, courseId, lessonId, profileId: 'guest' });
			return true;
		}
		const ok = await status.guard(async () => {
			const [profile, data] = await Promise.all([session.ensureProfile(), learnerData()]);
			await data.recordEvent({ ...event, profileId: profile.id, courseId, lessonId });
		});
		if (ok && !persistenceAsked && event.kind !== 'step-viewed') {
			persistenceAsked = true;
			learnerData()
				.then((data) => data.requestPersistentStorage())
				.catch(() => {});
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
