import { flushSync } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import { ANSWER_AFTER, HINT_AFTER, PracticeAttempts } from './attempts.svelte';

function practice() {
	const oncomplete = vi.fn();
	const attempts = new PracticeAttempts(oncomplete);
	attempts.configure({ hint: 'Look at the address bar.', answer: 'https://e-mongolia.mn' });
	return { attempts, oncomplete };
}

function wrongTimes(attempts: PracticeAttempts, times: number) {
	for (let i = 0; i < times; i++) attempts.wrong(`wrong ${i + 1}`);
}

describe('help for a learner who is stuck', () => {
	test('nothing is offered before the first try', () => {
		const { attempts } = practice();
		expect(attempts.showHint).toBe(false);
		expect(attempts.showAnswer).toBe(false);
		expect(attempts.feedback).toBeNull();
	});

	test('a wrong try is explained and counted, and brings the hint', () => {
		const { attempts } = practice();
		wrongTimes(attempts, HINT_AFTER);
		expect(attempts.feedback).toEqual({ kind: 'wrong', text: `wrong ${HINT_AFTER}` });
		expect(attempts.wrongTries).toBe(HINT_AFTER);
		expect(attempts.showHint).toBe(true);
		expect(attempts.showAnswer).toBe(false);
	});

	test('after a few wrong tries the answer is shown, so nobody is ever stuck', () => {
		const { attempts } = practice();
		wrongTimes(attempts, ANSWER_AFTER - 1);
		expect(attempts.showAnswer).toBe(false);
		attempts.wrong('again');
		expect(attempts.showAnswer).toBe(true);
	});

	test('a practice without a hint or answer never shows an empty box', () => {
		const attempts = new PracticeAttempts(() => {});
		wrongTimes(attempts, ANSWER_AFTER);
		expect(attempts.showHint).toBe(false);
		expect(attempts.showAnswer).toBe(false);
	});

	test('a right step on the way says so without finishing or hiding the help', () => {
		const { attempts, oncomplete } = practice();
		attempts.wrong('no');
		attempts.progress('Good, now the code.');
		expect(attempts.feedback).toEqual({ kind: 'info', text: 'Good, now the code.' });
		expect(attempts.done).toBe(false);
		expect(attempts.showHint).toBe(true);
		expect(oncomplete).not.toHaveBeenCalled();
	});

	test('a new part waits for a wrong try in that part before showing its hint or answer', () => {
		const { attempts } = practice();
		wrongTimes(attempts, ANSWER_AFTER);
		attempts.beginPart();
		attempts.configure({ hint: 'Now the code from the SMS.', answer: '123456' });
		expect(attempts.showHint).toBe(false);
		expect(attempts.showAnswer).toBe(false);
		attempts.wrong('not yet');
		expect(attempts.showHint).toBe(true);
		expect(attempts.hint).toBe('Now the code from the SMS.');
	});
});

describe('reaching the goal', () => {
	test('completes the step exactly once, however often the goal is reached', () => {
		const { attempts, oncomplete } = practice();
		attempts.succeed('Well done.');
		attempts.succeed('Well done again.');
		expect(oncomplete).toHaveBeenCalledOnce();
		expect(attempts.done).toBe(true);
		expect(attempts.feedback).toEqual({ kind: 'right', text: 'Well done again.' });
	});

	test('hides the hint and the answer', () => {
		const { attempts } = practice();
		wrongTimes(attempts, ANSWER_AFTER);
		attempts.succeed('Yes.');
		expect(attempts.showHint).toBe(false);
		expect(attempts.showAnswer).toBe(false);
	});

	test('starting again clears the tries and the feedback, and the goal can be reached again', () => {
		const { attempts, oncomplete } = practice();
		wrongTimes(attempts, ANSWER_AFTER);
		attempts.succeed('Yes.');
		attempts.reset();
		expect(attempts.wrongTries).toBe(0);
		expect(attempts.done).toBe(false);
		expect(attempts.feedback).toBeNull();
		// The hint and answer stay: the simulation configures them once when it starts.
		expect(attempts.hint).toBe('Look at the address bar.');
		attempts.succeed('Yes again.');
		// Each finish after a fresh start calls back; the practice step ignores an already completed step.
		expect(oncomplete).toHaveBeenCalledTimes(2);
	});
});

test('the practice frame follows the state: feedback and help update reactively', () => {
	const { attempts } = practice();
	const seen: string[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(
				[attempts.feedback?.kind ?? 'none', attempts.showHint && 'hint', attempts.showAnswer && 'answer']
					.filter(Boolean)
					.join(' ')
			);
		});
	});
	try {
		flushSync();
		attempts.wrong('no');
		flushSync();
		wrongTimes(attempts, ANSWER_AFTER - 1);
		flushSync();
		attempts.succeed('yes');
		flushSync();
		expect(seen).toEqual(['none', 'wrong hint', 'wrong hint answer', 'right']);
	} finally {
		cleanup();
	}
});
