import type { Localized, QuizStep } from '$lib/content/types';

export type QuizVerdict = 'correct' | 'wrong' | 'missing-some' | 'nothing-chosen';

/** Judges an answer: for multiple choice, every right option and no wrong one. */
export function judgeQuiz(
	step: Pick<Localized<QuizStep>, 'options'>,
	chosen: readonly string[]
): QuizVerdict {
	if (chosen.length === 0) return 'nothing-chosen';
	const right = new Set(step.options.filter((o) => o.correct).map((o) => o.id));
	if (chosen.some((id) => !right.has(id))) return 'wrong';
	return chosen.length === right.size ? 'correct' : 'missing-some';
}
