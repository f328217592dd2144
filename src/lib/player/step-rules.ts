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

/** No step done yet. */
export const NO_STEPS: ReadonlySet<number> = new Set();

/**
 * The steps done with `steps` added, as a new set (the player replaces its set rather than change it,
 * so a plain Set in $state.raw stays reactive); the same set when nothing is new.
 */
export function withCompleted(done: ReadonlySet<number>, steps: Iterable<number>): ReadonlySet<number> {
	const added = [...steps].filter((step) => !done.has(step));
	return added.length ? new Set([...done, ...added]) : done;
}
