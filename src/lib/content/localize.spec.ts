import { describe, expect, test } from 'vitest';
import { localize } from './localize';

describe('localize', () => {
	test('picks one language deeply and keeps everything else', () => {
		const lesson = {
			id: 'x',
			title: { mn: 'Гарчиг', en: 'Title' },
			steps: [{ type: 'read', body: [{ mn: 'А', en: 'A' }], count: 2, ok: true }]
		};
		expect(localize(lesson, 'en')).toEqual({
			id: 'x',
			title: 'Title',
			steps: [{ type: 'read', body: ['A'], count: 2, ok: true }]
		});
		expect(localize(lesson, 'mn').title).toBe('Гарчиг');
	});
	test('leaves objects that merely contain mn among other keys alone', () => {
		expect(localize({ mn: 1, other: 'x' }, 'en')).toEqual({ mn: 1, other: 'x' });
	});
	test('gives undefined for an optional language that is absent', () => {
		expect(localize({ audio: { mn: '/a.mp3' } }, 'en')).toEqual({ audio: undefined });
	});
});
