import { describe, expect, test } from 'vitest';
import { completedSteps, courseProgress, lessonState, resumeStep } from './progress';
import type { ProgressEventRow } from './db';

type E = Pick<ProgressEventRow, 'lessonId' | 'kind' | 'step'>;
const viewed = (lessonId: string, step: number): E => ({ lessonId, kind: 'step-viewed', step });
const stepDone = (lessonId: string, step: number): E => ({ lessonId, kind: 'step-done', step });
const done = (lessonId: string): E => ({ lessonId, kind: 'lesson-done' });

describe('lessonState', () => {
	test('is not started without events', () => {
		expect(lessonState([viewed('other', 0)], 'a')).toBe('not-started');
	});
	test('is in progress once a step was seen', () => {
		expect(lessonState([viewed('a', 0)], 'a')).toBe('in-progress');
	});
	test('stays done even when the lesson is reviewed later', () => {
		expect(lessonState([viewed('a', 0), done('a'), viewed('a', 0), viewed('a', 1)], 'a')).toBe('done');
	});
});

describe('resumeStep', () => {
	test('opens at the last step seen', () => {
		expect(resumeStep([viewed('a', 0), viewed('a', 1), viewed('a', 3), viewed('a', 2)], 'a', 5)).toBe(2);
	});
	test('starts at the beginning for a new lesson', () => {
		expect(resumeStep([], 'a', 5)).toBe(0);
	});
	test('opens a finished lesson at its first step', () => {
		expect(resumeStep([viewed('a', 4), done('a')], 'a', 5)).toBe(0);
	});
	test('clamps a step beyond the end of a lesson that became shorter', () => {
		expect(resumeStep([viewed('a', 9)], 'a', 5)).toBe(4);
	});
	test('ignores other lessons', () => {
		expect(resumeStep([viewed('b', 3)], 'a', 5)).toBe(0);
	});
});

describe('completedSteps', () => {
	test('collects the steps completed in one lesson', () => {
		expect([...completedSteps([stepDone('a', 0), stepDone('b', 1), stepDone('a', 2)], 'a')]).toEqual([0, 2]);
	});
});

describe('courseProgress', () => {
	const lessons = ['a', 'b', 'c'];
	test('counts finished lessons and points at the first unfinished one', () => {
		expect(courseProgress([done('a'), viewed('c', 0)], lessons)).toEqual({
			done: 1,
			total: 3,
			state: 'in-progress',
			nextLessonId: 'b'
		});
	});
	test('is not started without events', () => {
		expect(courseProgress([], lessons).state).toBe('not-started');
	});
	test('is done when every lesson is done, in any order', () => {
		const progress = courseProgress([done('c'), done('a'), done('b')], lessons);
		expect(progress.state).toBe('done');
		expect(progress.nextLessonId).toBeUndefined();
	});
});
