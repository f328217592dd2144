import { describe, expect, test } from 'vitest';
import { actDan, DAN_START, isMiss, normalizeCode } from './dan-login-rules';

const CODE = '482913';

describe('normalizeCode', () => {
	test('ignores spaces and dashes a learner may type between the digits', () => {
		expect(normalizeCode(' 482 913 ')).toBe(CODE);
		expect(normalizeCode('482-913')).toBe(CODE);
	});
});

describe('actDan', () => {
	test('choosing the one-time code sends a code to the phone', () => {
		expect(actDan(DAN_START, { type: 'choose', method: 'otp' }, CODE)).toEqual({
			stage: 'enter-code',
			outcome: 'code-sent'
		});
	});
	test('choosing another way is a miss that keeps the choice on screen', () => {
		expect(actDan(DAN_START, { type: 'choose', method: 'bank' }, CODE)).toEqual({
			stage: DAN_START,
			outcome: 'wrong-method'
		});
		expect(actDan(DAN_START, { type: 'choose', method: 'signature' }, CODE).outcome).toBe('wrong-method');
	});
	test('ignores typing a code before one was sent', () => {
		expect(actDan(DAN_START, { type: 'submit-code', code: CODE }, CODE)).toEqual({
			stage: DAN_START,
			outcome: 'ignored'
		});
	});
	test('an empty code is a miss, said politely, that changes nothing', () => {
		expect(actDan('enter-code', { type: 'submit-code', code: '  ' }, CODE)).toEqual({
			stage: 'enter-code',
			outcome: 'code-empty'
		});
	});
	test('a code that does not match is a miss', () => {
		expect(actDan('enter-code', { type: 'submit-code', code: '482914' }, CODE)).toEqual({
			stage: 'enter-code',
			outcome: 'code-wrong'
		});
	});
	test('the right code logs in and moves on to the fake site', () => {
		expect(actDan('enter-code', { type: 'submit-code', code: '482 913' }, CODE)).toEqual({
			stage: 'fake-site',
			outcome: 'signed-in'
		});
	});
	test('ignores choosing a way again once the code was sent', () => {
		expect(actDan('enter-code', { type: 'choose', method: 'otp' }, CODE).outcome).toBe('ignored');
	});
	test('typing anything into the fake site is the mistake, even the right code', () => {
		for (const code of [CODE, '', '123456'])
			expect(actDan('fake-site', { type: 'submit-fake', code }, CODE)).toEqual({
				stage: 'fake-site',
				outcome: 'typed-into-fake'
			});
	});
	test('leaving the fake site without typing the code finishes the practice', () => {
		expect(actDan('fake-site', { type: 'leave-fake' }, CODE)).toEqual({
			stage: 'done',
			outcome: 'refused-fake'
		});
	});
	test('ignores leaving a fake site that is not on screen', () => {
		expect(actDan('enter-code', { type: 'leave-fake' }, CODE).outcome).toBe('ignored');
	});
	test('ignores every action once done', () => {
		for (const action of [
			{ type: 'choose', method: 'otp' },
			{ type: 'submit-code', code: CODE },
			{ type: 'submit-fake', code: CODE },
			{ type: 'leave-fake' }
		] as const)
			expect(actDan('done', action, CODE)).toEqual({ stage: 'done', outcome: 'ignored' });
	});
});

describe('isMiss', () => {
	test('counts only the tries that missed the goal', () => {
		expect(['wrong-method', 'code-wrong', 'typed-into-fake'].every((o) => isMiss(o as never))).toBe(true);
	});
	test('does not count pressing "Log in" with nothing typed as a try', () => {
		expect(
			['code-empty', 'code-sent', 'signed-in', 'refused-fake', 'ignored'].some((o) => isMiss(o as never))
		).toBe(false);
	});
});
