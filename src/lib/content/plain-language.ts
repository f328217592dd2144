/**
 * Plain-language rule for Mongolian lesson text: short sentences, one idea each.
 * The limit is in words; it keeps sentences readable for learners with little reading confidence.
 */
export const MAX_WORDS_PER_SENTENCE = 20;

/** Splits a text into sentences at ., !, ? and ; followed by a space or the end. */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?;])\s+/u)
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}

/** Counts words; web addresses and numbers count as one word each. */
export function wordCount(sentence: string): number {
	return sentence.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Returns the sentences of `text` that are longer than the limit. */
export function longSentences(text: string, limit = MAX_WORDS_PER_SENTENCE): string[] {
	return sentences(text).filter((s) => wordCount(s) > limit);
}
