import { parseGlossaryLinks } from './glossary-links';
import type { GlossaryTerm } from './glossary';
import type { Text } from './types';

type Lang = keyof Text;

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern for one mention form: a word start, then the form (see GlossaryTerm.mentions). */
export function mentionPattern(form: string, lang: Lang): RegExp {
	const first = form[0];
	const start = first.toUpperCase() !== first ? `[${first}${first.toUpperCase()}]` : escape(first);
	const body = start + escape(form.slice(1));
	// English: whole words, with a plural or possessive; Mongolian: endings may follow.
	const end = lang === 'en' ? `(?:s|'s|’s|s'|s’)?(?![\\p{L}\\p{N}])` : '';
	return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u');
}

/** Whether plain text mentions a glossary term in one language. */
export function mentions(text: string, term: GlossaryTerm, lang: Lang): boolean {
	return (term.mentions?.[lang] ?? []).some((form) => mentionPattern(form, lang).test(text));
}

/**
 * The first-mention rule: where running text of a lesson first mentions a glossary term (in step order),
 * that mention is a link to the term. Only running text counts, because only it may hold links; text
 * inside a link to another term is not a mention. Returns, per term and language, the field of an
 * unlinked first mention.
 */
export function unlinkedFirstMentions(
	texts: Iterable<[string, Text]>,
	terms: readonly GlossaryTerm[],
	isRunningText: (field: string) => boolean
): { field: string; lang: Lang; term: GlossaryTerm }[] {
	const found: { field: string; lang: Lang; term: GlossaryTerm }[] = [];
	const running = [...texts].filter(([field]) => isRunningText(field));
	for (const term of terms)
		for (const lang of ['mn', 'en'] as const) {
			if (!term.mentions?.[lang]?.length) continue;
			search: for (const [field, text] of running)
				for (const piece of parseGlossaryLinks(text[lang])) {
					if (piece.term === term.id) break search;
					if (!piece.term && mentions(piece.text, term, lang)) {
						found.push({ field: `${field}.${lang}`, lang, term });
						break search;
					}
				}
		}
	return found;
}
