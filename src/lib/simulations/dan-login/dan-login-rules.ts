/**
 * Rules of the "log in with a one-time code, then refuse a fake site" practice, as plain data so that
 * they are tested without a browser. The practice never claims one exact real flow (the content brief
 * marks the OTP flow as partly sourced): it teaches what stays true — type a code only into the real
 * page you opened yourself, and never into a site that a message led you to.
 */

/** The ways of logging in with DAN that its terms list; the practice uses the one-time code. */
export const LOGIN_METHODS = ['signature', 'bank', 'otp'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

/**
 * `choose-method`: the practice DAN page offers the ways to log in;
 * `enter-code`: a code has arrived on the simulated phone and the page asks for it;
 * `fake-site`: later, a look-alike site reached through a message link asks for a new code;
 * `done`: the learner logged in and refused the fake site.
 */
export type DanStage = 'choose-method' | 'enter-code' | 'fake-site' | 'done';

export type DanAction =
	| { type: 'choose'; method: LoginMethod }
	| { type: 'submit-code'; code: string }
	| { type: 'submit-fake'; code: string }
	| { type: 'leave-fake' };

/**
 * What an action led to. `wrong-method`, `code-wrong` and `typed-into-fake` are tries that did not
 * reach the goal; `ignored` is an action that does not fit the screen as it is.
 */
export type DanOutcome =
	| 'code-sent'
	| 'wrong-method'
	| 'code-empty'
	| 'code-wrong'
	| 'signed-in'
	| 'typed-into-fake'
	| 'refused-fake'
	| 'ignored';

export const DAN_START: DanStage = 'choose-method';

/** A code as typed: spaces and dashes (people copy "482 913") do not count. */
export function normalizeCode(input: string): string {
	return input.replace(/[\s-]+/gu, '');
}

/** Applies one action; a try that does not reach the goal leaves the stage as it was. */
export function actDan(
	stage: DanStage,
	action: DanAction,
	code: string
): { stage: DanStage; outcome: DanOutcome } {
	switch (action.type) {
		case 'choose':
			if (stage !== 'choose-method') break;
			return action.method === 'otp'
				? { stage: 'enter-code', outcome: 'code-sent' }
				: { stage, outcome: 'wrong-method' };
		case 'submit-code': {
			if (stage !== 'enter-code') break;
			const typed = normalizeCode(action.code);
			if (typed === '') return { stage, outcome: 'code-empty' };
			if (typed !== code) return { stage, outcome: 'code-wrong' };
			return { stage: 'fake-site', outcome: 'signed-in' };
		}
		case 'submit-fake':
			// Whatever was typed, sending anything to the fake site is the mistake this practice catches.
			if (stage !== 'fake-site') break;
			return { stage, outcome: 'typed-into-fake' };
		case 'leave-fake':
			if (stage !== 'fake-site') break;
			return { stage: 'done', outcome: 'refused-fake' };
	}
	return { stage, outcome: 'ignored' };
}

/**
 * Whether an outcome is a try that missed the goal (it counts towards the hint and the answer).
 * Pressing "Log in" with nothing typed is not a try: the learner only hears what to do first.
 */
export function isMiss(outcome: DanOutcome): boolean {
	return outcome === 'wrong-method' || outcome === 'code-wrong' || outcome === 'typed-into-fake';
}
