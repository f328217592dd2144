import { describe, expect, it } from 'vitest';
import type { Course, Step } from '$lib/content/types';
import { courses } from '../content/catalogue';
import { currentHashes, findStep, narrationScript, stepKey, textHash } from './script';

const t = (en: string, mn = `${en} (мн)`) => ({ mn, en });

describe('the narration script of a step', () => {
	it('joins a read step’s title and paragraphs, with glossary links as their shown words', () => {
		const step: Step = {
			type: 'read',
			title: t('  Your [[dan|DAN]] account '),
			body: [t('First paragraph.'), t(''), t('Log in with [[dan|DAN]].')]
		};
		expect(narrationScript(step, 'en')).toBe('Your DAN account\nFirst paragraph.\nLog in with DAN.');
		expect(narrationScript(step, 'mn')).toBe(
			'Your DAN account  (мн)\nFirst paragraph. (мн)\n(мн)\nLog in with DAN. (мн)'
		);
	});

	it('numbers a quiz’s options and leaves out its feedback and explanation', () => {
		const step: Step = {
			type: 'quiz',
			title: t('Check'),
			question: t('Which address is real?'),
			mode: 'single',
			options: [
				{ id: 'a', text: t('e-mongolia.mn'), correct: true, feedback: t('Yes') },
				{ id: 'b', text: t('[[phishing|e-mongo1ia]].com'), correct: false }
			],
			explanation: t('Because.')
		};
		expect(narrationScript(step, 'en')).toBe(
			'Check\nWhich address is real?\n1. e-mongolia.mn\n2. e-mongo1ia.com'
		);
	});

	it('reads a practice step’s title and goal, and a summary’s title and body', () => {
		const practice: Step = {
			type: 'practice',
			title: t('Try it'),
			goal: t('Find the real site.'),
			simulation: 'official-site',
			params: {}
		};
		expect(narrationScript(practice, 'en')).toBe('Try it\nFind the real site.');
		expect(narrationScript({ type: 'summary', title: t('Done'), body: t('Well done.') }, 'en')).toBe(
			'Done\nWell done.'
		);
	});

	it('hashes the script with SHA-256 (hex)', () => {
		expect(textHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(textHash('Хичээл')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('changes the hash when a word of the step changes, and only then', () => {
		const course: Course = {
			id: 'c',
			version: 1,
			title: t('C'),
			description: t('C'),
			lessons: [
				{
					id: 'l',
					title: t('L'),
					description: t('L'),
					steps: [{ type: 'summary', title: t('Done'), body: t('Well done.') }]
				}
			]
		};
		const before = currentHashes(course, 'en').get(stepKey('l', 0));
		expect(findStep([course], { courseId: 'c', lessonId: 'l', step: 0, locale: 'en' })?.hash).toBe(before);
		course.lessons[0].steps[0] = { type: 'summary', title: t('Done'), body: t('Well done!') };
		expect(currentHashes(course, 'en').get(stepKey('l', 0))).not.toBe(before);
		// The other language's text did not change with it here, but its hash is its own.
		expect(currentHashes(course, 'mn').get(stepKey('l', 0))).not.toBe(before);
	});

	it('finds every step of the real catalogue, and no step that does not exist', () => {
		const course = courses[0];
		const lesson = course.lessons[0];
		const found = findStep(courses, { courseId: course.id, lessonId: lesson.id, step: 0, locale: 'mn' });
		expect(found?.script.split('\n')[0]).toBe(
			lesson.steps[0].title.mn.replace(/\[\[[^|]+\|([^\]]+)\]\]/g, '$1').trim()
		);
		for (const ref of [
			{ courseId: course.id, lessonId: lesson.id, step: lesson.steps.length },
			{ courseId: course.id, lessonId: lesson.id, step: -1 },
			{ courseId: course.id, lessonId: lesson.id, step: 0.5 },
			{ courseId: course.id, lessonId: 'no-such-lesson', step: 0 },
			{ courseId: 'no-such-course', lessonId: lesson.id, step: 0 }
		])
			expect(findStep(courses, { ...ref, locale: 'mn' })).toBeUndefined();
		for (const c of courses)
			for (const l of c.lessons)
				l.steps.forEach((_, i) => {
					const script = findStep(courses, { courseId: c.id, lessonId: l.id, step: i, locale: 'en' })?.script;
					expect(script, `${c.id}/${l.id}/${i}`).toMatch(/\S/);
					expect(script).not.toContain('[[');
				});
	});
});
