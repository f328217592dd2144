/**
 * Glossary links inside lesson text: `[[term-id|shown words]]` links the shown words to the glossary
 * entry `term-id` (`/glossary#term-id`, `/en/glossary#term-id`). The words are written out because
 * Mongolian inflects them ("кодоо", "кодыг") while the glossary lists the base form.
 *
 * Plain TypeScript with no dependencies: it runs at build time (validation) and in the browser (rendering).
 */

/** A piece of lesson text: plain words, or words that link to a glossary term. */
export type TextSegment = { text: string; term?: undefined } | { text: string; term: string };

const LINK = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\|([^[\]|]+)\]\]/gu;

/** Splits a text into plain and linked segments; text without links is one plain segment. */
export function parseGlossaryLinks(text: string): TextSegment[] {
	const out: TextSegment[] = [];
	let last = 0;
	for (const match of text.matchAll(LINK)) {
		if (match.index > last) out.push({ text: text.slice(last, match.index) });
		out.push({ text: match[2], term: match[1] });
		last = match.index + match[0].length;
	}
	if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
	return out;
}

/** The text as a reader hears it: links replaced by their shown words (for read-aloud and word counts). */
export function stripGlossaryLinks(text: string): string {
	return parseGlossaryLinks(text)
		.map((s) => s.text)
		.join('');
}

/** Term ids linked from a text. */
export function linkedTerms(text: string): string[] {
	return parseGlossaryLinks(text).flatMap((s) => (s.term ? [s.term] : []));
}

/**
 * Whether a text has link brackets that are not a well-formed link (`[[term]]` without words,
 * a missing bracket, an upper-case id): authoring mistakes the build reports.
 */
export function hasMalformedLink(text: string): boolean {
	const rest = text.replace(LINK, '');
	return rest.includes('[[') || rest.includes(']]');
}
