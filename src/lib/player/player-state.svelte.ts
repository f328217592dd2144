import { canAdvance, NO_STEPS, withCompleted } from './step-rules';
import type { PlayerStep } from './types';

/** Persists what happens in a lesson; each call resolves to whether the write succeeded. */
export interface LessonRecorder {
	stepViewed(step: number): Promise<boolean>;
	stepDone(step: number): Promise<boolean>;
	answer(step: number, optionIds: string[], correct: boolean): Promise<boolean>;
	lessonDone(): Promise<boolean>;
}

export type PlayerNotice = 'answer-first' | 'practice-first' | null;

/** The lesson player's state: which step is shown, what is done, and the moves between steps. */
export class PlayerState {
	index = $state(0);
	/**
	 * Steps done in this lesson. Replaced, never changed in place (withCompleted): a set in
	 * $state.raw is all the player needs, where svelte/reactivity's SvelteSet would add about 0.4 KB
	 * gzip to every lesson's first visit.
	 */
	#completed = $state.raw(NO_STEPS);
	finished = $state(false);
	saving = $state(false);
	notice = $state<PlayerNotice>(null);
	/** True once the learner's saved position has been applied. */
	resumed = $state(false);

	readonly steps: PlayerStep[];
	#recorder: LessonRecorder;

	constructor(steps: PlayerStep[], recorder: LessonRecorder) {
		this.steps = steps;
		this.#recorder = recorder;
	}

	get completed(): ReadonlySet<number> {
		return this.#completed;
	}

	#markDone(step: number) {
		this.#completed = withCompleted(this.#completed, [step]);
	}

	get step(): PlayerStep {
		return this.steps[this.index];
	}

	get isFirst() {
		return this.index === 0;
	}

	get isLast() {
		return this.index === this.steps.length - 1;
	}

	/** Opens the lesson at a saved or requested step, remembering steps already completed. */
	resume(index: number, completed: Iterable<number>) {
		this.#completed = withCompleted(this.#completed, completed);
		this.index = index;
		this.resumed = true;
		// Opening a lesson at its start is not progress; saving nothing keeps a first visit from
		// creating learner data (and loading the database) before the learner does anything.
		if (index > 0) void this.#recorder.stepViewed(index);
	}

	/** A quiz answered correctly or a practice finished. */
	async complete() {
		const i = this.index;
		this.#markDone(i);
		this.notice = null;
		await this.#recorder.stepDone(i);
	}

	answer(optionIds: string[], correct: boolean) {
		return this.#recorder.answer(this.index, optionIds, correct);
	}

	/** Moves on, or explains politely what to do first. Returns whether the step changed. */
	async next(): Promise<boolean> {
		const step = this.step;
		if (!canAdvance(step.type, this.completed.has(this.index))) {
			this.notice = step.type === 'quiz' ? 'answer-first' : 'practice-first';
			return false;
		}
		this.notice = null;
		if (!this.completed.has(this.index)) {
			this.#markDone(this.index);
			await this.#recorder.stepDone(this.index);
		}
		// Saved before it shows: a learner who closes the tab as the next step appears resumes there.
		await this.#recorder.stepViewed(this.index + 1);
		this.index += 1;
		return true;
	}

	async back(): Promise<boolean> {
		if (this.isFirst) return false;
		this.notice = null;
		await this.#recorder.stepViewed(this.index - 1);
		this.index -= 1;
		return true;
	}

	/** Records the lesson as done; the completion screen shows only once that write succeeded. */
	async finish(): Promise<boolean> {
		if (this.saving) return false;
		this.saving = true;
		try {
			if (!this.completed.has(this.index)) {
				this.#markDone(this.index);
				await this.#recorder.stepDone(this.index);
			}
			const saved = await this.#recorder.lessonDone();
			if (saved) this.finished = true;
			return saved;
		} finally {
			this.saving = false;
		}
	}

	/** Jumps to a step named by a link (a `#step-N` fragment). */
	goTo(index: number) {
		if (index < 0 || index >= this.steps.length || index === this.index) return;
		this.notice = null;
		this.finished = false;
		this.index = index;
		void this.#recorder.stepViewed(index);
	}

	/** Reviews the lesson again from its first step after finishing. */
	restart() {
		this.finished = false;
		this.index = 0;
		void this.#recorder.stepViewed(0);
	}
}
