import { idlePhase } from './idle-rules';

/** Input that shows someone is using the app. Cheap to record: the timer reads it only when it fires. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Watches for use of the app and calls `onlock` after `timeoutMs` without any, with a warning
 * phase before. One timer, rescheduled only when it fires (never on every key press); a tab that was
 * hidden or asleep is checked against the clock as soon as it is visible again.
 */
export class IdleTimer {
	#warning = $state(false);
	#last = Date.now();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#timeoutMs: number;
	#onlock: () => void;

	constructor(timeoutMs: number, onlock: () => void) {
		this.#timeoutMs = timeoutMs;
		this.#onlock = onlock;
	}

	/** Whether the "Are you still there?" question is showing. */
	get warning() {
		return this.#warning;
	}

	start() {
		for (const type of ACTIVITY)
			window.addEventListener(type, this.#activity, { capture: true, passive: true });
		document.addEventListener('visibilitychange', this.#check);
		this.#last = Date.now();
		this.#check();
	}

	stop() {
		for (const type of ACTIVITY) window.removeEventListener(type, this.#activity, { capture: true });
		document.removeEventListener('visibilitychange', this.#check);
		clearTimeout(this.#timer);
		this.#warning = false;
	}

	/** The one action that answers the warning: the learner is still there. */
	stillHere() {
		this.#warning = false;
		this.#last = Date.now();
		this.#check();
	}

	// While the question shows, only its answer counts: a stray touch must not hide it unanswered.
	#activity = () => {
		if (!this.#warning) this.#last = Date.now();
	};

	#check = () => {
		clearTimeout(this.#timer);
		const next = idlePhase(Date.now() - this.#last, this.#timeoutMs);
		if (next.phase === 'lock') {
			this.stop();
			this.#onlock();
			return;
		}
		this.#warning = next.phase === 'warning';
		this.#timer = setTimeout(this.#check, next.checkInMs);
	};
}
