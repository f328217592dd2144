import { flushSync } from 'svelte';
import { describe, expect, test } from 'vitest';
import { PlayerState, type LessonRecorder } from './player-state.svelte';
import type { PlayerStep } from './types';

const read = (title: string): PlayerStep => ({ type: 'read', title, body: [`${title} body`] });
const quiz: PlayerStep = {
	type: 'quiz',
	title: 'Quiz',
	question: 'Which?',
	mode: 'single',
	options: [{ id: 'a', text: 'A', correct: true }],
	explanation: 'Because.'
};
const practice: PlayerStep = {
	type: 'practice',
	title: 'Practice',
	goal: 'Do it',
	simulation: 'official-site',
	params: {}
};
const summary: PlayerStep = { type: 'summary', title: 'Summary', body: 'Done.' };

/** Records what the player saves, in order; `saves` decides whether each write succeeds. */
function recorder(saves: () => Promise<boolean> = async () => true) {
	const calls: string[] = [];
	const record: LessonRecorder = {
		stepViewed: (step) => (calls.push(`viewed ${step}`), saves()),
		stepDone: (step) => (calls.push(`done ${step}`), saves()),
		answer: (step, ids, correct) => (calls.push(`answer ${step} ${ids.join('+')} ${correct}`), saves()),
		lessonDone: () => (calls.push('lesson done'), saves())
	};
	return { calls, record };
}

function player(steps: PlayerStep[], saves?: () => Promise<boolean>) {
	const { calls, record } = recorder(saves);
	return { player: new PlayerState(steps, record), calls };
}

describe('opening a lesson', () => {
	test('at its start saves nothing, so a first look creates no learner data', () => {
		const { player: p, calls } = player([read('A'), read('B')]);
		p.resume(0, []);
		expect(p.resumed).toBe(true);
		expect(p.index).toBe(0);
		expect(p.isFirst).toBe(true);
		expect(calls).toEqual([]);
	});

	test('at the saved step records the view and remembers the steps already done', () => {
		const { player: p, calls } = player([read('A'), quiz, read('C')]);
		p.resume(2, [0, 1]);
		expect(p.step.title).toBe('C');
		expect(p.isLast).toBe(true);
		expect([...p.completed].sort()).toEqual([0, 1]);
		expect(calls).toEqual(['viewed 2']);
	});
});

describe('moving through the steps', () => {
	test('a read step is done by moving on: done is saved before the next step is viewed', async () => {
		const { player: p, calls } = player([read('A'), read('B')]);
		p.resume(0, []);
		expect(await p.next()).toBe(true);
		expect(p.index).toBe(1);
		expect(p.completed.has(0)).toBe(true);
		expect(calls).toEqual(['done 0', 'viewed 1']);
	});

	test('an unanswered quiz holds the learner back with a polite notice and saves nothing', async () => {
		const { player: p, calls } = player([quiz, read('B')]);
		p.resume(0, []);
		expect(await p.next()).toBe(false);
		expect(p.index).toBe(0);
		expect(p.notice).toBe('answer-first');
		expect(calls).toEqual([]);
	});

	test('an unfinished practice asks for the practice first', async () => {
		const { player: p } = player([practice, read('B')]);
		p.resume(0, []);
		expect(await p.next()).toBe(false);
		expect(p.notice).toBe('practice-first');
	});

	test('answering records the answer; completing clears the notice and lets the learner on, saving done once', async () => {
		const { player: p, calls } = player([quiz, read('B')]);
		p.resume(0, []);
		await p.next();
		await p.answer(['a'], true);
		await p.complete();
		expect(p.notice).toBeNull();
		expect(await p.next()).toBe(true);
		expect(p.index).toBe(1);
		expect(calls).toEqual(['answer 0 a true', 'done 0', 'viewed 1']);
	});

	test('a step completed in an earlier visit is not saved as done again', async () => {
		const { player: p, calls } = player([quiz, read('B')]);
		p.resume(0, [0]);
		expect(await p.next()).toBe(true);
		expect(calls).toEqual(['viewed 1']);
	});

	test('back goes to the previous step and records it, but not before the first', async () => {
		const { player: p, calls } = player([read('A'), quiz]);
		p.resume(1, [0]);
		await p.next();
		expect(p.notice).toBe('answer-first');
		expect(await p.back()).toBe(true);
		expect(p.index).toBe(0);
		expect(p.notice).toBeNull();
		expect(await p.back()).toBe(false);
		expect(p.index).toBe(0);
		expect(calls).toEqual(['viewed 1', 'viewed 0']);
	});
});

describe('finishing', () => {
	test('completes the last step, then shows the completion once the lesson is saved', async () => {
		const { player: p, calls } = player([read('A'), summary]);
		p.resume(1, [0]);
		expect(await p.finish()).toBe(true);
		expect(p.finished).toBe(true);
		expect(p.saving).toBe(false);
		expect(p.completed.has(1)).toBe(true);
		expect(calls).toEqual(['viewed 1', 'done 1', 'lesson done']);
	});

	test('a failed save does not pretend the lesson is done, and can be tried again', async () => {
		let ok = false;
		const { player: p, calls } = player([summary], async () => ok);
		p.resume(0, []);
		expect(await p.finish()).toBe(false);
		expect(p.finished).toBe(false);
		expect(p.saving).toBe(false);
		ok = true;
		expect(await p.finish()).toBe(true);
		expect(p.finished).toBe(true);
		// The last step was completed on the first try: only the lesson is saved again.
		expect(calls).toEqual(['done 0', 'lesson done', 'lesson done']);
	});

	test('a second tap while saving does not save the lesson twice', async () => {
		let release!: (saved: boolean) => void;
		const slow = new Promise<boolean>((resolve) => (release = resolve));
		const { player: p, calls } = player([summary], () => slow);
		p.resume(0, [0]);
		const first = p.finish();
		expect(p.saving).toBe(true);
		const second = p.finish();
		release(true);
		expect(await second).toBe(false);
		expect(await first).toBe(true);
		expect(calls.filter((c) => c === 'lesson done')).toHaveLength(1);
	});

	test('a write that throws leaves the player ready to try again', async () => {
		const { player: p } = player([summary], async () => {
			throw new Error('disk full');
		});
		p.resume(0, [0]);
		await expect(p.finish()).rejects.toThrow('disk full');
		expect(p.saving).toBe(false);
		expect(p.finished).toBe(false);
	});

	test('review starts again at the first step', async () => {
		const { player: p, calls } = player([read('A'), summary]);
		p.resume(1, [0]);
		await p.finish();
		p.restart();
		expect(p.finished).toBe(false);
		expect(p.index).toBe(0);
		expect(calls.at(-1)).toBe('viewed 0');
	});
});

describe('links to a step', () => {
	test('open that step, leaving the completion screen', async () => {
		const { player: p, calls } = player([read('A'), read('B'), summary]);
		p.resume(2, [0, 1]);
		await p.finish();
		p.goTo(1);
		expect(p.index).toBe(1);
		expect(p.finished).toBe(false);
		expect(calls.at(-1)).toBe('viewed 1');
	});

	test('to a step that does not exist, or the one shown, change nothing', () => {
		const { player: p, calls } = player([read('A'), quiz]);
		p.resume(1, [0]);
		p.notice = 'answer-first';
		for (const index of [-1, 2, 1]) p.goTo(index);
		expect(p.index).toBe(1);
		expect(p.notice).toBe('answer-first');
		expect(calls).toEqual(['viewed 1']);
	});
});

test('the page follows the player: step shown and its done mark update reactively', async () => {
	const { player: p } = player([quiz, read('B')]);
	const seen: string[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(`${p.step.title}${p.completed.has(p.index) ? ' ✓' : ''}`);
		});
	});
	try {
		flushSync();
		p.resume(0, []);
		await p.complete();
		flushSync();
		await p.next();
		flushSync();
		expect(seen).toEqual(['Quiz', 'Quiz ✓', 'B']);
	} finally {
		cleanup();
	}
});

describe('the step shown is the step saved', () => {
	test('Next and Back show a step only once its view is written, so closing the tab then resumes there', async () => {
		const writes: (() => void)[] = [];
		const { player: p, calls } = player(
			[read('A'), read('B'), read('C')],
			() => new Promise<boolean>((resolve) => writes.push(() => resolve(true)))
		);
		p.resume(0, []);
		const next = p.next();
		await Promise.resolve();
		writes.shift()?.(); // step 0 done
		await Promise.resolve();
		await Promise.resolve();
		expect(calls).toEqual(['done 0', 'viewed 1']);
		expect(p.index).toBe(0);
		writes.shift()?.(); // step 1 viewed
		expect(await next).toBe(true);
		expect(p.index).toBe(1);

		const back = p.back();
		await Promise.resolve();
		expect(calls.at(-1)).toBe('viewed 0');
		expect(p.index).toBe(1);
		writes.shift()?.();
		expect(await back).toBe(true);
		expect(p.index).toBe(0);
	});
});
