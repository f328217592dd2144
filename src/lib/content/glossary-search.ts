/** A glossary entry as the glossary page holds it: the term in both languages, the explanation in the page's. */
export interface GlossaryEntry {
	id: string;
	term: { mn: string; en: string };
	explanation: string;
}

/** Normalises text for searching: case and spacing do not matter; Ө and Ү stay letters of their own. */
export function searchKey(text: string): string {
	return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Whether an entry matches a search in either language (a learner may type the word they saw on screen). */
export function entryMatches(entry: GlossaryEntry, query: string): boolean {
	const q = searchKey(query);
	if (!q) return true;
	return [entry.term.mn, entry.term.en, entry.explanation].some((t) => searchKey(t).includes(q));
}

/** The entries matching a search, in their original order. */
export function filterEntries(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
	return entries.filter((e) => entryMatches(e, query));
}
