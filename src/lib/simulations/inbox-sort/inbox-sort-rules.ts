/** The two piles a learner sorts messages into. */
export type InboxVerdict = 'real' | 'scam';

/** A message as the rules need it. */
export interface InboxMessage {
	id: string;
	scam: boolean;
}

/** Messages sorted correctly so far, by id; a wrong choice sorts nothing. */
export type InboxSorted = Readonly<Record<string, InboxVerdict>>;

/** The pile a message belongs in. */
export function verdictOf(message: InboxMessage): InboxVerdict {
	return message.scam ? 'scam' : 'real';
}

/**
 * Sorts one message. A right choice files it; a wrong choice leaves it where it is, so the learner
 * reads the explanation and chooses again. Choosing for a message already filed changes nothing.
 */
export function sortMessage(
	sorted: InboxSorted,
	message: InboxMessage,
	choice: InboxVerdict
): { sorted: InboxSorted; outcome: 'right' | 'wrong' | 'ignored' } {
	if (message.id in sorted) return { sorted, outcome: 'ignored' };
	if (choice !== verdictOf(message)) return { sorted, outcome: 'wrong' };
	return { sorted: { ...sorted, [message.id]: choice }, outcome: 'right' };
}

/** How many of the messages are filed. */
export function sortedCount(messages: readonly InboxMessage[], sorted: InboxSorted): number {
	return messages.filter((m) => m.id in sorted).length;
}

/** The first message after `fromIndex` (wrapping round) still to sort, or undefined when all are sorted. */
export function nextUnsorted<M extends InboxMessage>(
	messages: readonly M[],
	sorted: InboxSorted,
	fromIndex = -1
): M | undefined {
	for (let k = 1; k <= messages.length; k++) {
		const m = messages[(fromIndex + k + messages.length) % messages.length];
		if (!(m.id in sorted)) return m;
	}
	return undefined;
}

/** Where an item arrived: a text message, a chat, or a phone call (its text is what the caller says). */
export type InboxChannel = 'sms' | 'chat' | 'call';

/** How the interface names an item: a call is "this call", a text or a chat "this message". */
export function itemKind(channel: InboxChannel): 'call' | 'message' {
	return channel === 'call' ? 'call' : 'message';
}

/** Whether the inbox holds calls as well as messages (its heading then says so). */
export function hasCalls(messages: readonly { channel: InboxChannel }[]): boolean {
	return messages.some((m) => m.channel === 'call');
}

/**
 * A line icon (24-unit outline path) for each channel, drawn beside the channel's name in words, so
 * the kind of item is never told by the picture alone.
 */
export const channelIcons: Readonly<Record<InboxChannel, string>> = {
	// a phone's screen with a text line
	sms: 'M7 2h10v20H7zM10 7h4M10 11h4',
	// a speech bubble
	chat: 'M3 5h18v12H8l-5 4z',
	// a telephone handset
	call: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'
};
