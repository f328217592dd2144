import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
	channelIcons,
	hasCalls,
	itemKind,
	nextUnsorted,
	sortedCount,
	sortMessage,
	verdictOf
} from './inbox-sort-rules';
import { inboxSortParams } from './params';

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

describe('calls beside messages', () => {
	test('names a call a call, and a text or a chat a message', () => {
		expect([itemKind('call'), itemKind('sms'), itemKind('chat')]).toEqual(['call', 'message', 'message']);
	});
	test('knows when an inbox holds a call', () => {
		expect(hasCalls([{ channel: 'sms' }, { channel: 'call' }])).toBe(true);
		expect(hasCalls([{ channel: 'sms' }, { channel: 'chat' }])).toBe(false);
	});
	test('draws each channel with an icon of its own', () => {
		const paths = Object.values(channelIcons);
		expect(Object.keys(channelIcons).sort()).toEqual(['call', 'chat', 'sms']);
		expect(new Set(paths).size).toBe(paths.length);
		for (const path of paths) expect(path).toMatch(/^M[\d .,a-zA-Z-]+$/);
	});
	test('lessons may give a call, whose text is what the caller says', () => {
		const text = { mn: 'Сайн байна уу', en: 'Hello' };
		const item = (id: string, channel: string, scam: boolean) => ({
			id,
			from: text,
			channel,
			text,
			scam,
			why: text
		});
		const params = (channel: string) => ({
			messages: [item('a', channel, true), item('b', 'sms', false), item('c', 'chat', true)],
			hint: text
		});
		expect(v.safeParse(inboxSortParams, params('call')).success).toBe(true);
		expect(v.safeParse(inboxSortParams, params('fax')).success).toBe(false);
	});
});
