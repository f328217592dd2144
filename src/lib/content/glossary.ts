import * as v from 'valibot';
import { longSentences } from './plain-language';
import { TextSchema } from './schema';
import type { Text } from './types';

/** Where the glossary lives: one file, both languages side by side. */
export const GLOSSARY_FILE = 'content/glossary.json';

/** A glossary entry; its id is the page anchor (`/glossary#<id>`) that lesson links name. */
export interface GlossaryTerm {
	id: string;
	/** The word as learners meet it on screen, in each language ("Нэвтрэх" / "Log in"). */
	term: Text;
	/** What it means, in plain words. */
	explanation: Text;
	/**
	 * Words that count as a mention of the term in lesson text, per language, for the first-mention rule
	 * (a lesson links the term where it first mentions it). Mongolian forms match the start of a word, so
	 * endings may follow ("апп" finds "аппаар"); English forms match whole words, plurals and possessives
	 * included ("app" finds "apps", not "apply"). Case counts ("ДАН" is not "данс"), except that a form may
	 * also start a sentence with a capital. Terms without mentions are linked where authors choose.
	 */
	mentions?: { mn?: string[]; en?: string[] };
}

const TermSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')),
	term: TextSchema,
	explanation: TextSchema,
	mentions: v.optional(
		v.strictObject({
			mn: v.optional(v.array(v.pipe(v.string(), v.nonEmpty()))),
			en: v.optional(v.array(v.pipe(v.string(), v.nonEmpty())))
		})
	)
});

export const GlossarySchema = v.strictObject({
	terms: v.pipe(v.array(TermSchema), v.minLength(1, 'needs at least one term'))
});

/** One problem in the glossary file, in the same shape as lesson problems. */
export interface GlossaryProblem {
	file: string;
	field: string;
	message: string;
}

function fieldOf(path: v.IssuePathItem[] | undefined): string {
	return (path ?? [])
		.map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`))
		.join('');
}

/**
 * Validates the glossary: both languages for every term and explanation, unique ids, plain-language
 * Mongolian explanations, and no link syntax (an entry explains itself). Returns the terms found valid
 * (empty when the file is broken) and every problem, naming file and field.
 */
export function checkGlossary(data: unknown): { terms: GlossaryTerm[]; problems: GlossaryProblem[] } {
	const file = GLOSSARY_FILE;
	const problems: GlossaryProblem[] = [];
	const result = v.safeParse(GlossarySchema, data, { abortEarly: false });
	if (!result.success) {
		for (const issue of result.issues) {
			const last = issue.path?.at(-1)?.key;
			const missing = issue.received === 'undefined' && (last === 'mn' || last === 'en');
			problems.push({
				file,
				field: fieldOf(issue.path),
				message: missing ? 'missing translation' : issue.message
			});
		}
		return { terms: [], problems };
	}
	const { terms } = result.output;
	const seen = new Set<string>();
	terms.forEach((term, i) => {
		if (seen.has(term.id))
			problems.push({ file, field: `terms[${i}].id`, message: `"${term.id}" is listed twice` });
		seen.add(term.id);
		for (const sentence of longSentences(term.explanation.mn))
			problems.push({
				file,
				field: `terms[${i}].explanation.mn`,
				message: `sentence too long for plain language: "${sentence}"`
			});
		for (const [field, text] of [
			['term', term.term],
			['explanation', term.explanation]
		] as const)
			for (const lang of ['mn', 'en'] as const)
				if (/\[\[|\]\]/u.test(text[lang]))
					problems.push({
						file,
						field: `terms[${i}].${field}.${lang}`,
						message: 'no glossary links inside the glossary'
					});
	});
	return { terms, problems };
}
