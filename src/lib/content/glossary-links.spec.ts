import { describe, expect, test } from 'vitest';
import { hasMalformedLink, linkedTerms, parseGlossaryLinks, stripGlossaryLinks } from './glossary-links';

describe('parseGlossaryLinks', () => {
	test('keeps text without links as one plain segment', () => {
		expect(parseGlossaryLinks('Кодоо хэнд ч бүү хэл.')).toEqual([{ text: 'Кодоо хэнд ч бүү хэл.' }]);
	});
	test('splits linked words from the text around them', () => {
		expect(parseGlossaryLinks('[[one-time-code|Нэг удаагийн кодоо]] хэнд ч бүү хэл.')).toEqual([
			{ text: 'Нэг удаагийн кодоо', term: 'one-time-code' },
			{ text: ' хэнд ч бүү хэл.' }
		]);
	});
	test('finds several links in one text', () => {
		expect(linkedTerms('Log in with [[dan|DAN]], then [[log-out|log out]].')).toEqual(['dan', 'log-out']);
	});
	test('gives one empty segment for an empty text', () => {
		expect(parseGlossaryLinks('')).toEqual([{ text: '' }]);
	});
});

describe('stripGlossaryLinks', () => {
	test('leaves only the words a reader hears', () => {
		expect(stripGlossaryLinks('Use [[one-time-code|the code]] once.')).toBe('Use the code once.');
	});
});

describe('hasMalformedLink', () => {
	test('accepts well-formed links and plain text', () => {
		expect(hasMalformedLink('A [[link|word]] and text.')).toBe(false);
		expect(hasMalformedLink('No links here.')).toBe(false);
	});
	test('rejects a link without shown words', () => {
		expect(hasMalformedLink('A [[link]] here.')).toBe(true);
	});
	test('rejects a missing closing bracket', () => {
		expect(hasMalformedLink('A [[link|word] here.')).toBe(true);
	});
	test('rejects an id that is not lower-case words joined by hyphens', () => {
		expect(hasMalformedLink('A [[One Time|word]] here.')).toBe(true);
	});
});
