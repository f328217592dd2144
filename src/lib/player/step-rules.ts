import type { StepType } from '$lib/content/types';

/** Steps the learner must complete (answer, finish) before moving on. */
export function needsCompletion(type: StepType): boolean {
	return type === 'quiz' || type === 'practice';
}

/** Whether the learner may go to the next step. Reading steps never hold anyone back. */
export function canAdvance(type: StepType, completed: boolean): boolean {
	return !needsCompletion(type) || completed;
}

/** The step a `#step-N` fragment names (1-based in the URL), if it is a step of this lesson. */
export function stepFromHash(hash: string, stepCount: number): number | undefined {
	const match = /^#step-(\d+)$/.exec(hash);
	if (!match) return undefined;
	const index = Number(match[1]) - 1;
	return index >= 0 && index < stepCount ? index : undefined;
}
