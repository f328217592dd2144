import * as v from 'valibot';
import { checkGlossary, GLOSSARY_FILE, type GlossaryTerm } from './glossary';
import { unlinkedFirstMentions } from './first-mention';
import { hasMalformedLink, linkedTerms, stripGlossaryLinks } from './glossary-links';
import { longSentences } from './plain-language';
import { CatalogueSchema, CourseFileSchema, LessonSchema } from './schema';
import {
	forbiddenTerms,
	messageStrings,
	termMessage,
	TERMS_FILE,
	termsFor,
	TermsSchema,
	type TermEntry
} from './terms';
import type { Course, Lesson, Text } from './types';

/** One thing wrong with the content, naming the file and the field. */
export interface ContentProblem {
	file: string;
	field: string;
	message: string;
}

export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(
			`Lesson content is invalid:\n` +
				problems.map((p) => `  ${p.file}: ${p.field || '(file)'}: ${p.message}`).join('\n')
		);
		this.name = 'ContentError';
	}
}

export const MIN_STEPS = 3;
export const MAX_STEPS = 8;

function fieldOf(path: v.IssuePathItem[] | undefined): string {
	if (!path) return '';
	return path
		.map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`))
		.join('');
}

/** Plain messages for the commonest authoring mistakes: a missing language, a picture without alt text. */
function friendly(issue: v.BaseIssue<unknown>): string {
	const last = issue.path?.at(-1)?.key;
	const missing = issue.received === 'undefined';
	if (missing && (last === 'mn' || last === 'en')) return 'missing translation';
	if (missing && last === 'alt') return 'every picture needs alt text in both languages';
	return issue.message;
}

function parse<T>(schema: v.GenericSchema<unknown, T>, data: unknown, file: string, out: ContentProblem[]) {
	const result = v.safeParse(schema, data, { abortEarly: false });
	if (result.success) return result.output;
	for (const issue of result.issues) out.push({ file, field: fieldOf(issue.path), message: friendly(issue) });
	return undefined;
}

/** Fields where glossary links may appear: running text, never titles, buttons or answer options. */
const LINKABLE_FIELD = /^steps\[\d+\]\.(?:body(?:\[\d+\])?|explanation|options\[\d+\]\.feedback)$/u;

function isText(value: unknown): value is Text {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return (
		keys.length === 2 && typeof (value as Text).mn === 'string' && typeof (value as Text).en === 'string'
	);
}

/** Every bilingual text in a lesson (titles, paragraphs, options, practice params…) with its field name. */
function* lessonTexts(value: unknown, field: string): Generator<[string, Text]> {
	if (isText(value)) yield [field, value];
	else if (Array.isArray(value))
		for (const [i, item] of value.entries()) yield* lessonTexts(item, `${field}[${i}]`);
	else if (value !== null && typeof value === 'object')
		for (const [key, item] of Object.entries(value))
			// Recordings are file paths, not text.
			if (key !== 'audio') yield* lessonTexts(item, field ? `${field}.${key}` : key);
}

/** Problems with the glossary links of one text: where they may be, their form, and their terms. */
function linkProblems(field: string, text: Text, glossaryIds: ReadonlySet<string>): [string, string][] {
	const problems: [string, string][] = [];
	if (!/\[\[|\]\]/u.test(text.mn + text.en)) return problems;
	if (!LINKABLE_FIELD.test(field))
		return [[field, 'glossary links belong only in paragraphs, summaries, explanations and feedback']];
	for (const lang of ['mn', 'en'] as const) {
		if (hasMalformedLink(text[lang]))
			problems.push([`${field}.${lang}`, 'malformed glossary link: write [[term-id|shown words]]']);
		for (const term of linkedTerms(text[lang]))
			if (!glossaryIds.has(term)) problems.push([`${field}.${lang}`, `unknown glossary term "${term}"`]);
	}
	const terms = (lang: 'mn' | 'en') => linkedTerms(text[lang]).sort().join(' ');
	if (terms('mn') !== terms('en'))
		problems.push([field, 'the Mongolian and English texts must link the same glossary terms']);
	return problems;
}

/** The params schema of each practice simulation, by the name lessons use in `"simulation"`. */
export type SimulationSchemas = Readonly<Record<string, v.GenericSchema>>;

/**
 * What the checks need from outside the lesson format. The simulations sit in a layer above content
 * (docs/architecture.md), so their schemas are handed in by whoever assembles the catalogue.
 */
export interface CatalogueChecks {
	simulations: SimulationSchemas;
	/** Whether a picture or recording exists under `static/`; unchecked when absent. */
	assetExists?: (path: string) => boolean;
}

/** Rules a schema cannot express: the shape of a good lesson. */
export function checkLessonRules(
	lesson: Lesson,
	file: string,
	{ simulations, assetExists }: CatalogueChecks,
	glossaryIds: ReadonlySet<string> = new Set()
) {
	const problems: ContentProblem[] = [];
	const add = (field: string, message: string) => problems.push({ file, field, message });
	const { steps } = lesson;

	if (steps.length < MIN_STEPS || steps.length > MAX_STEPS)
		add('steps', `needs ${MIN_STEPS}–${MAX_STEPS} steps, has ${steps.length}`);
	if (!steps.some((s) => s.type === 'quiz' || s.type === 'practice'))
		add('steps', 'needs at least one quiz or practice step');
	if (steps.at(-1)?.type !== 'summary') add('steps', 'the last step must be a summary');
	if (steps.filter((s) => s.type === 'summary').length > 1)
		add('steps', 'only the last step may be a summary');

	steps.forEach((step, i) => {
		const at = `steps[${i}]`;
		if (step.type === 'quiz') {
			const correct = step.options.filter((o) => o.correct).length;
			if (correct === 0) add(`${at}.options`, 'a quiz needs a correct answer');
			if (step.mode === 'single' && correct > 1)
				add(`${at}.options`, 'a single-choice quiz has exactly one correct answer');
			step.options.forEach((option, j) => {
				if (!option.feedback)
					add(`${at}.options[${j}].feedback`, 'every answer option needs its own feedback, right or wrong');
			});
			const ids = step.options.map((o) => o.id);
			if (new Set(ids).size !== ids.length) add(`${at}.options`, 'option ids must be unique');
		}
		if (step.type === 'practice') {
			const schema = simulations[step.simulation];
			if (!schema) add(`${at}.simulation`, `unknown simulation "${step.simulation}"`);
			else {
				const result = v.safeParse(schema, step.params, { abortEarly: false });
				if (!result.success)
					for (const issue of result.issues)
						add(`${at}.params${fieldOf(issue.path) ? '.' + fieldOf(issue.path) : ''}`, issue.message);
			}
		}
		if (assetExists) {
			if (step.type === 'read' && step.image && !assetExists(step.image.src))
				add(`${at}.image.src`, `no such file static${step.image.src}`);
			for (const [lang, src] of Object.entries(step.audio ?? {}))
				if (src && !assetExists(src)) add(`${at}.audio.${lang}`, `no such file static${src}`);
		}
	});
	// Plain language and glossary links are checked on every text of the lesson, wherever it is.
	for (const [field, text] of lessonTexts(lesson, '')) {
		for (const sentence of longSentences(stripGlossaryLinks(text.mn)))
			add(`${field}.mn`, `sentence too long for plain language: "${sentence}"`);
		for (const [where, message] of linkProblems(field, text, glossaryIds)) add(where, message);
	}
	return problems;
}

/** Forbidden terminology (content/terms.json) in every text of a lesson, course or glossary file. */
export function termProblems(data: unknown, file: string, entries: readonly TermEntry[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const applying = termsFor(entries, 'content');
	if (!applying.length) return problems;
	for (const [field, text] of lessonTexts(data, ''))
		for (const lang of ['mn', 'en'] as const)
			for (const found of forbiddenTerms(text[lang], lang, applying))
				problems.push({ file, field: `${field}.${lang}`, message: termMessage(found, lang) });
	return problems;
}

/** Forbidden terminology in an interface message file (`messages/…/mn.json`, `…/en.json`). */
export function messageTermProblems(
	data: unknown,
	file: string,
	entries: readonly TermEntry[]
): ContentProblem[] {
	const lang = /(?:^|\/)(mn|en)\.json$/u.exec(file)?.[1] as 'mn' | 'en' | undefined;
	if (!lang) return [];
	const problems: ContentProblem[] = [];
	const applying = termsFor(entries, 'messages');
	for (const [field, text] of messageStrings(data))
		for (const found of forbiddenTerms(text, lang, applying))
			problems.push({ file, field, message: termMessage(found, lang) });
	return problems;
}

/** The first-mention rule: a glossary term mentioned in a lesson's running text is linked where it first appears. */
export function firstMentionProblems(
	lesson: unknown,
	file: string,
	terms: readonly GlossaryTerm[]
): ContentProblem[] {
	return unlinkedFirstMentions(lessonTexts(lesson, ''), terms, (field) => LINKABLE_FIELD.test(field)).map(
		({ field, lang, term }) => ({
			file,
			field,
			message: `first mention of glossary term "${term.id}" is not linked: write [[${term.id}|…]] around "${(term.mentions?.[lang] ?? []).join('" or "')}" here`
		})
	);
}

export interface ContentFiles {
	/** Path → parsed JSON, with paths like `content/courses/<id>/course.json`. */
	[path: string]: unknown;
}

/**
 * Validates the whole catalogue and assembles it. Throws a ContentError listing every problem,
 * each with its file and field, so a broken lesson fails the build with a useful message.
 */
export function buildCatalogue(files: ContentFiles, checks: CatalogueChecks): Course[] {
	const problems: ContentProblem[] = [];
	const root = 'content/catalogue.json';
	const catalogue = parse(CatalogueSchema, files[root], root, problems);
	if (!catalogue) throw new ContentError(problems);

	// The glossary is optional for the catalogue to build, but every link in a lesson must name one of its terms.
	const glossary = GLOSSARY_FILE in files ? checkGlossary(files[GLOSSARY_FILE]) : { terms: [], problems: [] };
	problems.push(...glossary.problems);
	const glossaryIds = new Set(glossary.terms.map((t) => t.id));

	// The house terminology list: every lesson, course, glossary and interface text uses its preferred forms.
	const terms =
		TERMS_FILE in files ? (parse(TermsSchema, files[TERMS_FILE], TERMS_FILE, problems)?.terms ?? []) : [];
	if (GLOSSARY_FILE in files) problems.push(...termProblems(files[GLOSSARY_FILE], GLOSSARY_FILE, terms));
	for (const [path, data] of Object.entries(files))
		if (path.startsWith('messages/')) problems.push(...messageTermProblems(data, path, terms));

	const courses: Course[] = [];
	for (const courseId of catalogue.courses) {
		const courseFile = `content/courses/${courseId}/course.json`;
		if (!(courseFile in files)) {
			problems.push({ file: root, field: 'courses', message: `no file ${courseFile}` });
			continue;
		}
		const course = parse(CourseFileSchema, files[courseFile], courseFile, problems);
		if (!course) continue;
		problems.push(...termProblems(files[courseFile], courseFile, terms));
		if (course.id !== courseId)
			problems.push({ file: courseFile, field: 'id', message: `must be "${courseId}", its folder name` });
		const lessons: Lesson[] = [];
		for (const lessonId of course.lessons) {
			const lessonFile = `content/courses/${courseId}/lessons/${lessonId}.json`;
			if (!(lessonFile in files)) {
				problems.push({ file: courseFile, field: 'lessons', message: `no file ${lessonFile}` });
				continue;
			}
			const lesson = parse(LessonSchema, files[lessonFile], lessonFile, problems) as Lesson | undefined;
			if (!lesson) continue;
			if (lesson.id !== lessonId)
				problems.push({ file: lessonFile, field: 'id', message: `must be "${lessonId}", its file name` });
			problems.push(...checkLessonRules(lesson, lessonFile, checks, glossaryIds));
			problems.push(...termProblems(files[lessonFile], lessonFile, terms));
			problems.push(...firstMentionProblems(lesson, lessonFile, glossary.terms));
			lessons.push(lesson);
		}
		if (!lessons.some((lesson) => lesson.steps.some((step) => step.type === 'practice')))
			problems.push({
				file: courseFile,
				field: 'lessons',
				message: 'a course needs at least one practice step (a practice copy) in one of its lessons'
			});
		if (new Set(course.lessons).size !== course.lessons.length)
			problems.push({ file: courseFile, field: 'lessons', message: 'a lesson is listed twice' });
		courses.push({ ...course, lessons });
	}
	if (new Set(catalogue.courses).size !== catalogue.courses.length)
		problems.push({ file: root, field: 'courses', message: 'a course is listed twice' });
	if (problems.length) throw new ContentError(problems);
	return courses;
}
