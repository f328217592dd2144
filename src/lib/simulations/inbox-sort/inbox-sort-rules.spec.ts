import { describe, expect, test } from 'vitest';
import { nextUnsorted, sortedCount, sortMessage, verdictOf } from './inbox-sort-rules';

const bank = { id: 'bank-sms', scam: true };
const clinic = { id: 'clinic', scam: false };
const friend = { id: 'friend', scam: true };
const messages = [bank, clinic, friend];

describe('verdictOf', () => {
	test('puts scams in the scam pile and the rest in the real pile', () => {
		expect([verdictOf(bank), verdictOf(clinic)]).toEqual(['scam', 'real']);
	});
});

describe('sortMessage', () => {
	test('files a message when the choice is right', () => {
		expect(sortMessage({}, bank, 'scam')).toEqual({ sorted: { 'bank-sms': 'scam' }, outcome: 'right' });
	});
	test('leaves a message unsorted when the choice is wrong', () => {
		expect(sortMessage({}, clinic, 'scam')).toEqual({ sorted: {}, outcome: 'wrong' });
	});
	test('ignores a choice for a message already filed', () => {
		const sorted = { clinic: 'real' } as const;
		expect(sortMessage(sorted, clinic, 'scam')).toEqual({ sorted, outcome: 'ignored' });
	});
});

describe('sortedCount', () => {
	test('counts only filed messages', () => {
		expect(sortedCount(messages, { clinic: 'real', other: 'scam' })).toBe(1);
	});
});

describe('nextUnsorted', () => {
	test('finds the next message after the one just sorted', () => {
		expect(nextUnsorted(messages, { 'bank-sms': 'scam' }, 0)).toBe(clinic);
	});
	test('wraps round to an earlier message left unsorted', () => {
		expect(nextUnsorted(messages, { clinic: 'real', friend: 'scam' }, 2)).toBe(bank);
	});
	test('returns nothing when every message is sorted', () => {
		expect(nextUnsorted(messages, { 'bank-sms': 'scam', clinic: 'real', friend: 'scam' })).toBeUndefined();
	});
});
