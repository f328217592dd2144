import { describe, expect, test } from 'vitest';
import type { PlayerStep } from './types';
import { stepText } from './step-text';

const option = (n: number, text: string) => `Answer ${n}: ${text}`;

describe('stepText', () => {
	test('reads the title and every paragraph of a read step, not the picture', () => {
		const step: PlayerStep = {
			type: 'read',
			title: 'Title',
			body: ['One.', 'Two.'],
			image: { src: '/x.svg', alt: 'A picture' }
		};
		expect(stepText(step, option)).toEqual(['Title', 'One.', 'Two.']);
	});

	test('reads a quiz question with its numbered options, never which one is right', () => {
		const step: PlayerStep = {
			type: 'quiz',
			title: 'Quiz',
			question: 'Which?',
			mode: 'single',
			options: [
				{ id: 'a', text: 'First', correct: false, feedback: 'No' },
				{ id: 'b', text: 'Second', correct: true }
			],
			explanation: 'Because.'
		};
		expect(stepText(step, option)).toEqual(['Quiz', 'Which?', 'Answer 1: First', 'Answer 2: Second']);
	});

	test('reads the goal of a practice step', () => {
		const step: PlayerStep = {
			type: 'practice',
			title: 'Try',
			goal: 'Find it.',
			simulation: 's',
			params: {}
		};
		expect(stepText(step, option)).toEqual(['Try', 'Find it.']);
	});

	test('reads a summary and skips empty text', () => {
		const step: PlayerStep = { type: 'summary', title: ' ', body: 'All done.' };
		expect(stepText(step, option)).toEqual(['All done.']);
	});

	test('reads glossary links as their shown words', () => {
		const step: PlayerStep = { type: 'summary', title: 'Done', body: 'Use [[dan|DAN]] to log in.' };
		expect(stepText(step, option)).toEqual(['Done', 'Use DAN to log in.']);
	});
});
