import { describe, expect, test } from 'vitest';
import { judgeQuiz } from './quiz';

const options = [
	{ id: 'a', text: 'A', correct: true },
	{ id: 'b', text: 'B', correct: false },
	{ id: 'c', text: 'C', correct: true }
];

describe('judgeQuiz', () => {
	test('asks for a choice when none is made', () => {
		expect(judgeQuiz({ options }, [])).toBe('nothing-chosen');
	});
	test('accepts all right options and nothing else', () => {
		expect(judgeQuiz({ options }, ['c', 'a'])).toBe('correct');
	});
	test('says when right options are still missing', () => {
		expect(judgeQuiz({ options }, ['a'])).toBe('missing-some');
	});
	test('rejects any wrong option', () => {
		expect(judgeQuiz({ options }, ['a', 'b', 'c'])).toBe('wrong');
	});
});
