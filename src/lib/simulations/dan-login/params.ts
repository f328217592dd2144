import * as v from 'valibot';
import { TextSchema } from '../../content/schema';

const Address = v.pipe(
	v.string(),
	v.regex(/^https:\/\/[a-z0-9.-]+(?:\/[^\s]*)?$/u, 'must be a web address like https://example.mn')
);
const SixDigits = v.pipe(v.string(), v.regex(/^\d{6}$/u, 'must be six digits'));

/**
 * "Log in with a one-time code, then refuse a fake site": the learner chooses the one-time code on a
 * practice DAN page, reads the code in a simulated text message on a simulated phone, types it in, and
 * later refuses to type a new code into a look-alike site that a scam message led to.
 */
export const danLoginParams = v.pipe(
	v.strictObject({
		/** What the learner is doing at the start, e.g. "You typed the address yourself." */
		scenario: TextSchema,
		/** The address the practice DAN page shows (typed by the learner). */
		realAddress: Address,
		/** The look-alike address of the fake site. */
		fakeAddress: Address,
		/** The code that arrives for the learner's own login (made up; never a real code). */
		code: SixDigits,
		/** The code that arrives when scammers start a login in the learner's name. */
		scamCode: SixDigits,
		/** The scam message whose link opened the fake site. */
		scamMessage: v.strictObject({ from: TextSchema, text: TextSchema }),
		/** What happened before the fake site opened, e.g. "You pressed the link in that message." */
		fakeScenario: TextSchema,
		/** Why the site is fake; said after the learner decides. */
		fakeWhy: TextSchema,
		/** Given after a wrong try. */
		hint: TextSchema
	}),
	v.check((p) => p.realAddress !== p.fakeAddress, 'the fake address must differ from the real one'),
	v.check((p) => p.code !== p.scamCode, 'the two codes must differ')
);
