import { createHash } from 'node:crypto';
import { stripGlossaryLinks } from '$lib/content/glossary-links';
import type { Course, Step } from '$lib/content/types';
import type { Locale } from '$lib/i18n/locale';

/**
 * The narration script of a step (docs/narration.md): what the teacher reads on the recording page.
 * Close to read-aloud's text ($lib/player/step-text.ts), but fixed here on the server, since its
 * hash decides whether a recording still fits: pieces in order, glossary links replaced by their
 * shown words, each trimmed, empty ones left out, joined by a line break. Quiz options are
 * numbered "1. …", "2. …".
 */
export function narrationScript(step: Step, locale: Locale): string {
	const pieces = (() => {
		switch (step.type) {
			case 'read':
				return [step.title[locale], ...step.body.map((p) => p[locale])];
			case 'quiz':
				return [
					step.title[locale],
					step.question[locale],
					...step.options.map((o, i) => `${i + 1}. ${stripGlossaryLinks(o.text[locale]).trim()}`)
				];
			case 'practice':
				return [step.title[locale], step.goal[locale]];
			case 'summary':
				return [step.title[locale], step.body[locale]];
		}
	})();
	return pieces
		.map((p) => stripGlossaryLinks(p).trim())
		.filter((p) => p.length > 0)
		.join('\n');
}

/** SHA-256 (hex) of a script: the `textHash` a recording carries. */
export function textHash(script: string): string {
	return createHash('sha256').update(script, 'utf8').digest('hex');
}

/** One step of a course, where narration is recorded. */
export interface StepRef {
	courseId: string;
	lessonId: string;
	step: number;
	locale: Locale;
}

/** The step a reference names in the catalogue, with its current script and hash; undefined if none. */
export function findStep(
	courses: readonly Course[],
	ref: StepRef
): { step: Step; script: string; hash: string } | undefined {
	const lesson = courses.find((c) => c.id === ref.courseId)?.lessons.find((l) => l.id === ref.lessonId);
	const step = Number.isInteger(ref.step) ? lesson?.steps[ref.step] : undefined;
	if (!step) return undefined;
	const script = narrationScript(step, ref.locale);
	return { step, script, hash: textHash(script) };
}

/** `${lessonId} ${step}` → current hash, for every step of a course in one language. */
export function currentHashes(course: Course, locale: Locale): Map<string, string> {
	const out = new Map<string, string>();
	for (const lesson of course.lessons)
		lesson.steps.forEach((step, i) =>
			out.set(stepKey(lesson.id, i), textHash(narrationScript(step, locale)))
		);
	return out;
}

export const stepKey = (lessonId: string, step: number) => `${lessonId} ${step}`;
