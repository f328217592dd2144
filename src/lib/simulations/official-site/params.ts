import * as v from 'valibot';
import { TextSchema } from '../../content/schema';

/**
 * "Which address is the real one?": the learner picks the genuine web address among look-alikes.
 * Exactly one choice is genuine; every choice explains why it is (or is not) the real site.
 */
export const officialSiteParams = v.pipe(
	v.strictObject({
		/** What the learner sees before choosing, e.g. "You want to log in to e-Mongolia." */
		scenario: TextSchema,
		choices: v.pipe(
			v.array(
				v.strictObject({
					id: v.pipe(v.string(), v.nonEmpty()),
					/** The address exactly as a browser or a message would show it. */
					address: v.pipe(v.string(), v.nonEmpty()),
					/** Where the address was seen: a browser's address bar, a text message or a search result. */
					shownAs: v.picklist(['address-bar', 'sms-link', 'search-result']),
					genuine: v.boolean(),
					why: TextSchema
				})
			),
			v.minLength(3, 'needs at least three addresses'),
			v.check((choices) => choices.filter((c) => c.genuine).length === 1, 'exactly one address is genuine')
		),
		/** Given after a wrong try. */
		hint: TextSchema
	})
);
