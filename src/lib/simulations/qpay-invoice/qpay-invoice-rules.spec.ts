import { describe, expect, test } from 'vitest';
import {
	act,
	formatTugrik,
	payeeMatches,
	rightDecision,
	START,
	type QpayInvoice
} from './qpay-invoice-rules';

const right: QpayInvoice = { expectedPayee: 'School No. 5', payee: 'School No. 5', amount: 25000 };
const wrong: QpayInvoice = { expectedPayee: 'School No. 5', payee: 'Sch00l No. 5 LLC', amount: 25000 };
const invoices = [right, wrong];

describe('payeeMatches', () => {
	test('ignores case and extra spaces', () => {
		expect(payeeMatches('School No. 5', '  school   no. 5 ')).toBe(true);
	});
	test('treats a name with one letter changed as a different payee', () => {
		expect(payeeMatches('Нарантуяа дэлгүүр', 'Нарантуя дэлгүүр')).toBe(false);
	});
});

describe('rightDecision', () => {
	test('pays the expected payee and cancels any other', () => {
		expect([rightDecision(right), rightDecision(wrong)]).toEqual(['pay', 'cancel']);
	});
});

describe('act', () => {
	test('scanning shows the invoice', () => {
		expect(act(START, 'scan', invoices)).toEqual({
			state: { round: 0, scanned: true, finished: false },
			outcome: 'scanned'
		});
	});
	test('ignores paying before anything is scanned', () => {
		expect(act(START, 'pay', invoices)).toEqual({ state: START, outcome: 'ignored' });
	});
	test('ignores scanning twice', () => {
		const scanned = act(START, 'scan', invoices).state;
		expect(act(scanned, 'scan', invoices)).toEqual({ state: scanned, outcome: 'ignored' });
	});
	test('paying the right payee moves on to the next invoice', () => {
		const scanned = act(START, 'scan', invoices).state;
		expect(act(scanned, 'pay', invoices)).toEqual({
			state: { round: 1, scanned: false, finished: false },
			outcome: 'paid'
		});
	});
	test('cancelling the right payee is a mistake that keeps the invoice on screen', () => {
		const scanned = act(START, 'scan', invoices).state;
		expect(act(scanned, 'cancel', invoices)).toEqual({ state: scanned, outcome: 'cancelled-right-payee' });
	});
	test('paying a wrong payee is a mistake that keeps the invoice on screen', () => {
		const scanned = { round: 1, scanned: true, finished: false };
		expect(act(scanned, 'pay', invoices)).toEqual({ state: scanned, outcome: 'paid-wrong-payee' });
	});
	test('cancelling a wrong payee on the last invoice finishes the practice', () => {
		const scanned = { round: 1, scanned: true, finished: false };
		expect(act(scanned, 'cancel', invoices)).toEqual({
			state: { round: 2, scanned: false, finished: true },
			outcome: 'cancelled'
		});
	});
	test('ignores every action once finished', () => {
		const finished = { round: 2, scanned: false, finished: true };
		expect(act(finished, 'scan', invoices)).toEqual({ state: finished, outcome: 'ignored' });
	});
});

describe('formatTugrik', () => {
	test('writes tögrög with the ₮ sign and grouped digits in both languages', () => {
		expect(formatTugrik(25000, 'mn')).toMatch(/^₮\s?25,000$/u);
		expect(formatTugrik(1234567, 'en')).toBe('₮1,234,567');
	});
});
