import { describe, expect, test } from 'vitest';
import { longSentences, sentences, wordCount } from './plain-language';

describe('plain language', () => {
	test('splits sentences at end punctuation', () => {
		expect(sentences('Нэг. Хоёр! Гурав? Дөрөв')).toEqual(['Нэг.', 'Хоёр!', 'Гурав?', 'Дөрөв']);
	});
	test('does not split inside a web address', () => {
		expect(sentences('e-mongolia.mn хаягийг бич.')).toEqual(['e-mongolia.mn хаягийг бич.']);
	});
	test('counts words and ignores lone punctuation', () => {
		expect(wordCount('11-11 дугаарт залгаарай — 1 дарна.')).toBe(5);
	});
	test('finds sentences over the limit', () => {
		expect(longSentences('Богино. Нэг хоёр гурав дөрөв.', 3)).toEqual(['Нэг хоёр гурав дөрөв.']);
	});
});
