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
