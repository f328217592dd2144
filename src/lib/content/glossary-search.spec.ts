import { describe, expect, test } from 'vitest';
import { entryMatches, filterEntries, searchKey, type GlossaryEntry } from './glossary-search';

const entries: GlossaryEntry[] = [
	{ id: 'log-in', term: { mn: 'Нэвтрэх', en: 'Log in' }, explanation: 'To open your own account.' },
	{
		id: 'one-time-code',
		term: { mn: 'Нэг удаагийн код', en: 'One-time code' },
		explanation: 'A code used once.'
	},
	{ id: 'fine', term: { mn: 'Торгууль', en: 'Fine' }, explanation: 'Money you pay for breaking a rule.' }
];

describe('glossary search', () => {
	test('ignores case and extra spaces', () => {
		expect(searchKey('  НЭГ   Удаагийн ')).toBe('нэг удаагийн');
	});
	test('finds a term by its Mongolian or English name', () => {
		expect(filterEntries(entries, 'нэвтрэх').map((e) => e.id)).toEqual(['log-in']);
		expect(filterEntries(entries, 'ONE-TIME').map((e) => e.id)).toEqual(['one-time-code']);
	});
	test('finds a term by words of its explanation', () => {
		expect(filterEntries(entries, 'breaking').map((e) => e.id)).toEqual(['fine']);
	});
	test('shows every term for an empty search', () => {
		expect(filterEntries(entries, '   ')).toHaveLength(3);
	});
	test('keeps Ө and Ү distinct from О and У', () => {
		const e: GlossaryEntry = { id: 'x', term: { mn: 'Өмнөх', en: 'Previous' }, explanation: '' };
		expect(entryMatches(e, 'омнох')).toBe(false);
		expect(entryMatches(e, 'өмнөх')).toBe(true);
	});
	test('finds nothing for words in no entry', () => {
		expect(filterEntries(entries, 'zebra')).toEqual([]);
	});
});
