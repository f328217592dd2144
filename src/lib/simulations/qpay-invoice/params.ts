import * as v from 'valibot';
import { TextSchema } from '../../content/schema';
import { payeeMatches } from './qpay-invoice-rules';

const InvoiceSchema = v.pipe(
	v.strictObject({
		id: v.pipe(v.string(), v.nonEmpty()),
		/** Why the learner is paying, naming whom they expect to pay, e.g. "You pay for your child's school lunch." */
		situation: TextSchema,
		/** The payee the learner expects, shown beside the situation. */
		expectedPayee: TextSchema,
		/** The payee name the QR invoice fills in after scanning. */
		payee: TextSchema,
		/** Whole tögrög. */
		amount: v.pipe(v.number(), v.integer(), v.minValue(1)),
		/** Why this invoice should be paid or cancelled; said after the learner decides. */
		why: TextSchema
	}),
	v.check(
		(i) => payeeMatches(i.expectedPayee.mn, i.payee.mn) === payeeMatches(i.expectedPayee.en, i.payee.en),
		'the payee must match (or not match) in both languages alike'
	)
);

/**
 * "Check the payee, then pay": the learner scans QR invoices in a generic bank app, reads the payee name
 * that fills in, and pays only the payee they expect. At least one invoice must be paid and one refused.
 */
export const qpayInvoiceParams = v.strictObject({
	invoices: v.pipe(
		v.array(InvoiceSchema),
		v.minLength(2, 'needs at least two invoices'),
		v.check(
			(list) => list.some((i) => payeeMatches(i.expectedPayee.en, i.payee.en)),
			'needs an invoice with the right payee, to be paid'
		),
		v.check(
			(list) => list.some((i) => !payeeMatches(i.expectedPayee.en, i.payee.en)),
			'needs an invoice with a wrong payee, to be cancelled'
		),
		v.check((list) => new Set(list.map((i) => i.id)).size === list.length, 'invoice ids must be unique')
	),
	/** Given after a wrong try. */
	hint: TextSchema
});
