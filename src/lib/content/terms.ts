import * as v from 'valibot';
import { stripGlossaryLinks } from './glossary-links';
import { TextSchema } from './schema';
import type { Text } from './types';

type Lang = keyof Text;

/**
 * The house terminology list (`content/terms.json`): for each concept, the form lessons and interface
 * strings use in each language, and the variants they must not use. The build and the unit tests check
 * every lesson, course, glossary and message text against it and name the file and field of a variant.
 *
 * Plain TypeScript: it runs at build time, in tests and could run in an editor.
 */
export const TERMS_FILE = 'content/terms.json';

const Variants = v.optional(
	v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('an empty variant matches everything')))
);

const TermEntrySchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')),
	/** The form to use, in each language (shown in the error message). */
	preferred: TextSchema,
	/** Forms that fail the check, per language. */
	forbidden: v.strictObject({ mn: Variants, en: Variants }),
	/** Whether letter case matters ("E-Mongolia" is wrong, "e-Mongolia" right); otherwise case is ignored. */
	caseSensitive: v.optional(v.boolean()),
	/**
	 * Whether a variant must be a whole word ("бүү хэл" is a bare imperative, "бүү хэлээрэй" is right).
	 * Such entries skip quoted speech («…», “…”): a friend's chat may say «нэвтэр».
	 */
	wholeWord: v.optional(v.boolean()),
	/**
	 * Where the entry applies: `"messages"` only to interface strings (`messages/**`), `"content"` only to
	 * lessons, courses and the glossary; both when absent. Alkham's own certificate is «сертификат» in every
	 * message, while a lesson's «гэрчилгээ» is a state paper (a vaccination certificate).
	 */
	scope: v.optional(v.picklist(['messages', 'content'])),
	/** Why, for authors: where the choice comes from. */
	note: v.optional(v.string())
});

export const TermsSchema = v.strictObject({ terms: v.array(TermEntrySchema) });

export type TermEntry = v.InferOutput<typeof TermEntrySchema>;

/** The entries that apply to interface messages, or to lesson, course and glossary text. */
export function termsFor(entries: readonly TermEntry[], where: 'messages' | 'content'): TermEntry[] {
	return entries.filter((entry) => entry.scope === undefined || entry.scope === where);
}

/** One use of a forbidden variant in a text. */
export interface TermViolation {
	variant: string;
	entry: TermEntry;
}

const LETTER = /[\p{L}\p{N}]/u;
const QUOTED = /«[^»]*»|“[^”]*”/gu;

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Forbidden variants in one text. A variant matches where it starts a word (not inside another word:
 * "интернет" is found in "интернетгүй", but "1-ээс" is not found in "11-ээс"); Mongolian endings may follow.
 * Glossary links are read as their shown words.
 */
export function forbiddenTerms(text: string, lang: Lang, entries: readonly TermEntry[]): TermViolation[] {
	const plain = stripGlossaryLinks(text);
	const found: TermViolation[] = [];
	for (const entry of entries)
		for (const variant of entry.forbidden[lang] ?? []) {
			const re = new RegExp(escape(variant), entry.caseSensitive ? 'gu' : 'giu');
			const searched = entry.wholeWord ? plain.replace(QUOTED, (q) => ' '.repeat(q.length)) : plain;
			for (const match of searched.matchAll(re)) {
				const before = searched[match.index - 1];
				if (before !== undefined && LETTER.test(before) && LETTER.test(variant[0])) continue;
				if (before !== undefined && /\p{N}/u.test(before) && /\p{N}/u.test(variant[0])) continue;
				const after = searched[match.index + match[0].length];
				if (entry.wholeWord && after !== undefined && LETTER.test(after)) continue;
				found.push({ variant, entry });
				break;
			}
		}
	return found;
}

/** The error message for a variant: what was found and what to write instead. */
export function termMessage({ variant, entry }: TermViolation, lang: Lang): string {
	return `"${variant}" is not house terminology (content/terms.json "${entry.id}"): write "${entry.preferred[lang]}"`;
}

/** Every string of a message file (Paraglide messages may nest variants), with its key path. */
export function* messageStrings(value: unknown, field = ''): Generator<[string, string]> {
	if (typeof value === 'string') yield [field, value];
	else if (Array.isArray(value))
		for (const [i, item] of value.entries()) yield* messageStrings(item, `${field}[${i}]`);
	else if (value !== null && typeof value === 'object')
		for (const [key, item] of Object.entries(value))
			if (key !== '$schema') yield* messageStrings(item, field ? `${field}.${key}` : key);
}
