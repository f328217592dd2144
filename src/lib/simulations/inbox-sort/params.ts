import * as v from 'valibot';
import { TextSchema } from '../../content/schema';

/**
 * "Real or scam?": a phone's inbox of text messages, chats and calls that the learner sorts one by one.
 * Each message explains why it is real or a scam; there must be at least one of each.
 */
export const inboxSortParams = v.strictObject({
	messages: v.pipe(
		v.array(
			v.strictObject({
				id: v.pipe(v.string(), v.nonEmpty()),
				/** The sender as the phone shows it: a name, a short number or an app. */
				from: TextSchema,
				/**
				 * Where it arrived, shown with the sender in words and an icon: a text message, a chat, or a
				 * phone call, whose `text` is what the caller says (the interface then says "call").
				 */
				channel: v.picklist(['sms', 'chat', 'call']),
				text: TextSchema,
				scam: v.boolean(),
				/** Why it is real or a scam; said after every choice. */
				why: TextSchema
			})
		),
		v.minLength(3, 'needs at least three messages'),
		v.check((list) => list.some((m) => m.scam), 'needs at least one scam'),
		v.check((list) => list.some((m) => !m.scam), 'needs at least one real message'),
		v.check((list) => new Set(list.map((m) => m.id)).size === list.length, 'message ids must be unique')
	),
	/** Given after a wrong try. */
	hint: TextSchema
});
