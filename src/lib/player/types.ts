import type { Localized, Lesson, Step } from '$lib/content/types';

/** A lesson as the player receives it: the text of one language only. */
export type PlayerLesson = Localized<Lesson>;
export type PlayerStep = Localized<Step>;

/** What the player needs to know about the lesson's course. */
export interface PlayerCourse {
	id: string;
	title: string;
	lessons: { id: string; title: string }[];
}
