import type { Locale } from '$lib/i18n/locale';

/** The decision a learner makes once an invoice is on screen. */
export type QpayDecision = 'pay' | 'cancel';

/** One invoice as the rules need it: who the learner expects to pay, and whom the QR code names. */
export interface QpayInvoice {
	expectedPayee: string;
	payee: string;
	amount: number;
}

/** Where the learner is: which invoice, whether its QR code has been scanned, and whether all are handled. */
export interface QpayState {
	round: number;
	scanned: boolean;
	finished: boolean;
}

/**
 * What an action led to. `paid-wrong-payee` and `cancelled-right-payee` are the mistakes the practice
 * exists to catch; `ignored` is an action that makes no sense on the screen as it is (it changes nothing).
 */
export type QpayOutcome =
	'scanned' | 'paid' | 'cancelled' | 'paid-wrong-payee' | 'cancelled-right-payee' | 'ignored';

export const START: QpayState = { round: 0, scanned: false, finished: false };

/**
 * Compares payee names the way a careful person reads them: case and spacing do not matter,
 * every letter does (a look-alike name with one letter changed is a different payee).
 */
export function payeeMatches(expected: string, payee: string): boolean {
	const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
	return norm(expected) === norm(payee);
}

/** The right decision for an invoice: pay only the payee the learner expects. */
export function rightDecision(invoice: QpayInvoice): QpayDecision {
	return payeeMatches(invoice.expectedPayee, invoice.payee) ? 'pay' : 'cancel';
}

/**
 * Applies one action to the state. A right decision moves on to the next invoice (or finishes);
 * a wrong one leaves the invoice on screen so the learner can decide again.
 */
export function act(
	state: QpayState,
	action: 'scan' | QpayDecision,
	invoices: readonly QpayInvoice[]
): { state: QpayState; outcome: QpayOutcome } {
	const invoice = invoices[state.round];
	if (state.finished || !invoice) return { state, outcome: 'ignored' };
	if (action === 'scan') {
		if (state.scanned) return { state, outcome: 'ignored' };
		return { state: { ...state, scanned: true }, outcome: 'scanned' };
	}
	// Paying or cancelling needs an invoice on screen, as in a real bank app.
	if (!state.scanned) return { state, outcome: 'ignored' };
	if (action !== rightDecision(invoice))
		return { state, outcome: action === 'pay' ? 'paid-wrong-payee' : 'cancelled-right-payee' };
	const next = state.round + 1;
	return {
		state: { round: next, scanned: false, finished: next >= invoices.length },
		outcome: action === 'pay' ? 'paid' : 'cancelled'
	};
}

/** An amount in tögrög, written the way the page's language writes money. */
export function formatTugrik(amount: number, locale: Locale): string {
	return new Intl.NumberFormat(locale === 'mn' ? 'mn-MN' : 'en-US', {
		style: 'currency',
		currency: 'MNT',
		currencyDisplay: 'narrowSymbol',
		maximumFractionDigits: 0
	}).format(amount);
}
