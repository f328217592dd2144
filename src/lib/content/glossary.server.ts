import data from '../../../content/glossary.json';
import { ContentError } from './validate';
import { checkGlossary, type GlossaryTerm } from './glossary';
import type { Locale } from '$lib/i18n/locale';
import type { GlossaryEntry } from './glossary-search';

// Bundled at build time and validated on load, so a broken glossary fails the build.
const checked = checkGlossary(data);
if (checked.problems.length) throw new ContentError(checked.problems);

/** Every glossary term, in the order of content/glossary.json. */
export const glossaryTerms: GlossaryTerm[] = checked.terms;

/**
 * The glossary as one language's page shows it: alphabetical in that language (Mongolian collation
 * puts Ө after О and Ү after У), the explanation in that language only.
 */
export function glossaryFor(locale: Locale): GlossaryEntry[] {
	const collator = new Intl.Collator(locale === 'mn' ? 'mn' : 'en', { sensitivity: 'base' });
	return glossaryTerms
		.map((t) => ({ id: t.id, term: t.term, explanation: t.explanation[locale] }))
		.sort((a, b) => collator.compare(a.term[locale], b.term[locale]));
}
