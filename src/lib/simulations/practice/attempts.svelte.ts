/** After this many wrong tries the hint appears. */
export const HINT_AFTER = 1;
/** After this many wrong tries the answer is shown, so nobody is ever stuck. */
export const ANSWER_AFTER = 3;

export type PracticeFeedback = { kind: 'right' | 'wrong' | 'info'; text: string };

/**
 * What every practice copy shares: counting wrong tries, the feedback said after each action,
 * a hint after a wrong try, the answer after a few, and a fresh start. Feedback never scolds:
 * its words come from the lesson content.
 */
export class PracticeAttempts {
	wrongTries = $state(0);
	done = $state(false);
	feedback = $state<PracticeFeedback | null>(null);
	hint = $state('');
	answer = $state('');
	#oncomplete: () => void;

	constructor(oncomplete: () => void) {
		this.#oncomplete = oncomplete;
	}

	get showHint() {
		return !this.done && this.wrongTries >= HINT_AFTER && this.hint !== '';
	}

	get showAnswer() {
		return !this.done && this.wrongTries >= ANSWER_AFTER && this.answer !== '';
	}

	/** Sets the hint and answer a simulation offers; call when it starts. */
	configure({ hint, answer }: { hint: string; answer: string }) {
		this.hint = hint;
		this.answer = answer;
	}

	/** A wrong action: explain it, count it. */
	wrong(text: string) {
		this.wrongTries += 1;
		this.feedback = { kind: 'wrong', text };
	}

	/** A right intermediate action that does not finish the practice. */
	progress(text: string) {
		this.feedback = { kind: 'info', text };
	}

	/** The goal is reached. */
	succeed(text: string) {
		this.feedback = { kind: 'right', text };
		if (!this.done) {
			this.done = true;
			this.#oncomplete();
		}
	}

	/**
	 * A new part of a practice made of several parts: its hint and answer wait for a wrong try in
	 * this part, so the answer to a new question is never shown before the learner has tried it.
	 */
	beginPart() {
		this.wrongTries = 0;
	}

	reset() {
		this.wrongTries = 0;
		this.done = false;
		this.feedback = null;
	}
}
