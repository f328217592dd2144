import { describe, expect, test } from 'vitest';
import { canAdvance, needsCompletion, stepFromHash, withCompleted } from './step-rules';

describe('step rules', () => {
	test('lets the learner past reading and summary steps at once', () => {
		expect(canAdvance('read', false)).toBe(true);
		expect(canAdvance('summary', false)).toBe(true);
	});
	test('holds the learner at a quiz or practice until it is completed', () => {
		expect(needsCompletion('quiz')).toBe(true);
		expect(canAdvance('quiz', false)).toBe(false);
		expect(canAdvance('practice', false)).toBe(false);
		expect(canAdvance('practice', true)).toBe(true);
	});
	test('reads a 1-based step from the URL fragment', () => {
		expect(stepFromHash('#step-3', 5)).toBe(2);
	});
	test('ignores fragments that name no step of the lesson', () => {
		expect(stepFromHash('#step-0', 5)).toBeUndefined();
		expect(stepFromHash('#step-6', 5)).toBeUndefined();
		expect(stepFromHash('#main', 5)).toBeUndefined();
		expect(stepFromHash('', 5)).toBeUndefined();
	});
	test('adds completed steps as a new set, and keeps the same set when nothing is new', () => {
		const done = new Set([0]);
		const more = withCompleted(done, [1, 0]);
		expect([...more]).toEqual([0, 1]);
		expect(more).not.toBe(done);
		expect([...done]).toEqual([0]);
		expect(withCompleted(more, [1])).toBe(more);
	});
});
