import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { buildCatalogue, ContentError, type ContentFiles, type SimulationSchemas } from './validate';

/** One made-up simulation: the rules are tested without the real ones (a layer above content). */
const simulations: SimulationSchemas = { 'tap-button': v.object({ label: v.string() }) };

/** A minimal valid catalogue with one course and one lesson, to break in each test. */
function catalogue(lessonOverrides: Record<string, unknown> = {}): ContentFiles {
	const t = (s: string) => ({ mn: `${s} мн`, en: s });
	return {
		'content/catalogue.json': { courses: ['c'] },
		'content/courses/c/course.json': {
			id: 'c',
			version: 1,
			title: t('Course'),
			description: t('About'),
			lessons: ['l']
		},
		'content/courses/c/lessons/l.json': {
			id: 'l',
			title: t('Lesson'),
			description: t('About'),
			steps: [
				{ type: 'read', title: t('Read'), body: [t('Text.')] },
				{
					type: 'quiz',
					title: t('Quiz'),
					question: t('Which?'),
					mode: 'single',
					options: [
						{ id: 'a', text: t('A'), correct: true, feedback: t('Yes.') },
						{ id: 'b', text: t('B'), correct: false, feedback: t('No.') }
					],
					explanation: t('Because.')
				},
				{
					type: 'practice',
					title: t('Practice'),
					goal: t('Press it.'),
					simulation: 'tap-button',
					params: { label: 'OK' }
				},
				{ type: 'summary', title: t('Summary'), body: t('In short.') }
			],
			...lessonOverrides
		}
	};
}

function problemsOf(files: ContentFiles, assetExists?: (p: string) => boolean) {
	try {
		buildCatalogue(files, { simulations, assetExists });
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	return [];
}

function lessonWith(mutate: (steps: Record<string, unknown>[]) => void) {
	const files = catalogue();
	const lesson = files['content/courses/c/lessons/l.json'] as { steps: Record<string, unknown>[] };
	mutate(lesson.steps);
	return files;
}

const LESSON = 'content/courses/c/lessons/l.json';

describe('buildCatalogue', () => {
	test('accepts a well-formed lesson', () => {
		expect(problemsOf(catalogue())).toEqual([]);
	});

	test('names the file and field of a missing translation', () => {
		const files = lessonWith((steps) => {
			steps[0].body = [{ mn: 'Текст.' }];
		});
		expect(problemsOf(files)).toContainEqual({
			file: LESSON,
			field: 'steps[0].body[0].en',
			message: 'missing translation'
		});
	});

	test('names an empty translation as missing', () => {
		const files = lessonWith((steps) => {
			steps[0].title = { mn: '  ', en: 'Read' };
		});
		expect(problemsOf(files)).toContainEqual({
			file: LESSON,
			field: 'steps[0].title.mn',
			message: 'missing translation'
		});
	});

	test('rejects an unknown step type', () => {
		const files = lessonWith((steps) => {
			steps[0].type = 'video';
		});
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({
				file: LESSON,
				field: 'steps[0].type',
				message: expect.stringContaining('unknown step type')
			})
		);
	});

	test('rejects a quiz without a correct answer', () => {
		const files = lessonWith((steps) => {
			for (const o of steps[1].options as { correct: boolean }[]) o.correct = false;
		});
		expect(problemsOf(files)).toContainEqual({
			file: LESSON,
			field: 'steps[1].options',
			message: 'a quiz needs a correct answer'
		});
	});

	test('rejects a single-choice quiz with two correct answers', () => {
		const files = lessonWith((steps) => {
			for (const o of steps[1].options as { correct: boolean }[]) o.correct = true;
		});
		expect(problemsOf(files)).toContainEqual(expect.objectContaining({ field: 'steps[1].options' }));
	});

	test('rejects a picture without alt text', () => {
		const files = lessonWith((steps) => {
			steps[0].image = { src: '/images/x.svg' };
		});
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({
				file: LESSON,
				field: 'steps[0].image.alt',
				message: expect.stringContaining('alt text')
			})
		);
	});

	test('rejects a picture whose file does not exist', () => {
		const files = lessonWith((steps) => {
			steps[0].image = { src: '/images/missing.svg', alt: { mn: 'Зураг', en: 'Picture' } };
		});
		expect(problemsOf(files, () => false)).toContainEqual({
			file: LESSON,
			field: 'steps[0].image.src',
			message: 'no such file static/images/missing.svg'
		});
	});

	test('requires a quiz or practice and a closing summary', () => {
		const files = lessonWith((steps) => {
			steps.splice(1, 2);
			steps.push({ type: 'read', title: { mn: 'а', en: 'a' }, body: [{ mn: 'б', en: 'b' }] });
		});
		const fields = problemsOf(files).map((p) => p.message);
		expect(fields).toContain('needs at least one quiz or practice step');
		expect(fields).toContain('the last step must be a summary');
	});

	test('rejects an answer option without its own feedback, right or wrong', () => {
		const files = lessonWith((steps) => {
			delete (steps[1].options as { feedback?: unknown }[])[0].feedback;
		});
		expect(problemsOf(files)).toEqual([
			{
				file: LESSON,
				field: 'steps[1].options[0].feedback',
				message: 'every answer option needs its own feedback, right or wrong'
			}
		]);
	});

	test('rejects a course without a practice step in any of its lessons', () => {
		const files = lessonWith((steps) => {
			steps.splice(2, 1);
		});
		expect(problemsOf(files)).toEqual([
			{
				file: 'content/courses/c/course.json',
				field: 'lessons',
				message: 'a course needs at least one practice step (a practice copy) in one of its lessons'
			}
		]);
	});

	test('rejects a Mongolian sentence longer than the plain-language limit', () => {
		const files = lessonWith((steps) => {
			steps[0].body = [{ mn: Array.from({ length: 25 }, () => 'үг').join(' ') + '.', en: 'Long.' }];
		});
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({ field: 'steps[0].body[0].mn', message: expect.stringContaining('too long') })
		);
	});

	test('rejects a practice step naming an unknown simulation', () => {
		const files = lessonWith((steps) => {
			steps[1] = {
				type: 'practice',
				title: { mn: 'а', en: 'a' },
				goal: { mn: 'б', en: 'b' },
				simulation: 'nope',
				params: {}
			};
		});
		expect(problemsOf(files)).toContainEqual({
			file: LESSON,
			field: 'steps[1].simulation',
			message: 'unknown simulation "nope"'
		});
	});

	test("checks a practice step's params with its simulation's schema", () => {
		const practice = (params: unknown) =>
			lessonWith((steps) => {
				steps[1] = {
					type: 'practice',
					title: { mn: 'а', en: 'a' },
					goal: { mn: 'б', en: 'b' },
					simulation: 'tap-button',
					params
				};
			});
		expect(problemsOf(practice({ label: 'OK' }))).toEqual([]);
		expect(problemsOf(practice({ label: 3 }))).toContainEqual(
			expect.objectContaining({ file: LESSON, field: 'steps[1].params.label' })
		);
	});

	test('rejects a lesson file missing from its course', () => {
		const files = catalogue();
		delete files[LESSON];
		expect(problemsOf(files)).toContainEqual({
			file: 'content/courses/c/course.json',
			field: 'lessons',
			message: `no file ${LESSON}`
		});
	});

	test('reports every problem at once in the error message', () => {
		const files = lessonWith((steps) => {
			steps[0].type = 'video';
			steps[1].question = { mn: 'Аль нь?' };
		});
		expect(() => buildCatalogue(files, { simulations })).toThrow(
			/l\.json: steps\[0\]\.type[\s\S]*l\.json: steps\[1\]\.question\.en: missing translation/
		);
	});

	test('rejects a Mongolian sentence over the limit anywhere in a lesson, even in an answer option', () => {
		const files = lessonWith((steps) => {
			(steps[1].options as { text: unknown }[])[1].text = {
				mn: Array.from({ length: 21 }, () => 'үг').join(' '),
				en: 'Long.'
			};
		});
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({
				field: 'steps[1].options[1].text.mn',
				message: expect.stringContaining('too long')
			})
		);
	});
});

describe('the glossary first-mention rule', () => {
	const GLOSSARY = 'content/glossary.json';
	const app = {
		id: 'app',
		term: { mn: 'Апп', en: 'App' },
		explanation: { mn: 'Утсанд суулгадаг программ.', en: 'A program on a phone.' },
		mentions: { mn: ['апп'], en: ['app'] }
	};
	function lessonSaying(body: { mn: string; en: string }[], title?: { mn: string; en: string }) {
		const files = lessonWith((steps) => {
			steps[0].body = body;
			if (title) steps[0].title = title;
		});
		files[GLOSSARY] = { terms: [app] };
		return files;
	}
	const message = 'first mention of glossary term "app" is not linked: write [[app|…]] around "apps" here';

	test('rejects a glossary term whose first mention in running text is not linked', () => {
		const problems = problemsOf(
			lessonSaying([
				{ mn: 'Банкны аппаараа төлнө.', en: 'Pay with your bank app.' },
				{ mn: '[[app|Апп]] нээнэ.', en: 'Open the [[app|app]].' }
			])
		);
		expect(problems).toContainEqual(expect.objectContaining({ file: LESSON, field: 'steps[0].body[0].mn' }));
		expect(problems).toContainEqual(expect.objectContaining({ file: LESSON, field: 'steps[0].body[0].en' }));
		expect(problems[0].message).toBe(message.replace('"apps"', '"апп"'));
	});

	test('accepts a term linked at its first mention and plain afterwards', () => {
		expect(
			problemsOf(
				lessonSaying([
					{ mn: 'Банкны [[app|аппаараа]] төлнө.', en: 'Pay with your bank [[app|app]].' },
					{ mn: 'Аппаа хаагаарай.', en: 'Close the app.' }
				])
			)
		).toEqual([]);
	});

	test('counts only running text: titles and answer options cannot hold links', () => {
		expect(problemsOf(lessonSaying([{ mn: 'Текст.', en: 'Text.' }], { mn: 'Апп', en: 'The app' }))).toEqual(
			[]
		);
	});

	test('matches whole English words and Mongolian word starts, case and all', () => {
		expect(problemsOf(lessonSaying([{ mn: 'Та өргөдөл өгнө.', en: 'You apply.' }]))).toEqual([]);
		const problems = problemsOf(lessonSaying([{ mn: 'Текст.', en: 'Apps help.' }]));
		expect(problems).toEqual([
			{ file: LESSON, field: 'steps[0].body[0].en', message: message.replace('"apps"', '"app"') }
		]);
	});
});

describe('glossary links', () => {
	const GLOSSARY = 'content/glossary.json';
	const glossary = {
		terms: [
			{
				id: 'one-time-code',
				term: { mn: 'Нэг удаагийн код', en: 'One-time code' },
				explanation: { mn: 'Нэг л удаа ашигладаг код.', en: 'A code you use only once.' }
			}
		]
	};
	function withLink(mn: string, en: string, where: 'body' | 'title' = 'body') {
		const files = lessonWith((steps) => {
			if (where === 'body') steps[0].body = [{ mn, en }];
			else steps[0].title = { mn, en };
		});
		files[GLOSSARY] = structuredClone(glossary);
		return files;
	}

	test('accepts a link to a glossary term in a paragraph', () => {
		expect(
			problemsOf(withLink('[[one-time-code|Кодоо]] хадгал.', 'Keep your [[one-time-code|code]].'))
		).toEqual([]);
	});

	test('names the file and field of a link to a term the glossary lacks', () => {
		expect(problemsOf(withLink('[[pin-code|Кодоо]] хадгал.', 'Keep your [[pin-code|code]].'))).toContainEqual(
			{
				file: LESSON,
				field: 'steps[0].body[0].mn',
				message: 'unknown glossary term "pin-code"'
			}
		);
	});

	test('reports every link as unknown when there is no glossary', () => {
		const files = withLink('[[one-time-code|Кодоо]] хадгал.', 'Keep your [[one-time-code|code]].');
		delete files[GLOSSARY];
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({
				field: 'steps[0].body[0].en',
				message: 'unknown glossary term "one-time-code"'
			})
		);
	});

	test('rejects a link without shown words', () => {
		expect(
			problemsOf(withLink('[[one-time-code]] хадгал.', 'Keep your [[one-time-code|code]].'))
		).toContainEqual({
			file: LESSON,
			field: 'steps[0].body[0].mn',
			message: 'malformed glossary link: write [[term-id|shown words]]'
		});
	});

	test('rejects links outside running text, such as in a title', () => {
		expect(problemsOf(withLink('[[one-time-code|Код]]', '[[one-time-code|Code]]', 'title'))).toContainEqual({
			file: LESSON,
			field: 'steps[0].title',
			message: 'glossary links belong only in paragraphs, summaries, explanations and feedback'
		});
	});

	test('rejects a link present in one language only', () => {
		expect(problemsOf(withLink('[[one-time-code|Кодоо]] хадгал.', 'Keep your code.'))).toContainEqual({
			file: LESSON,
			field: 'steps[0].body[0]',
			message: 'the Mongolian and English texts must link the same glossary terms'
		});
	});

	test('names the field of a glossary term without its English text', () => {
		const files = catalogue();
		files[GLOSSARY] = { terms: [{ ...glossary.terms[0], explanation: { mn: 'Код.' } }] };
		expect(problemsOf(files)).toContainEqual({
			file: GLOSSARY,
			field: 'terms[0].explanation.en',
			message: 'missing translation'
		});
	});

	test('rejects a glossary term listed twice', () => {
		const files = catalogue();
		files[GLOSSARY] = { terms: [glossary.terms[0], glossary.terms[0]] };
		expect(problemsOf(files)).toContainEqual({
			file: GLOSSARY,
			field: 'terms[1].id',
			message: '"one-time-code" is listed twice'
		});
	});

	test('rejects a long Mongolian sentence in a glossary explanation', () => {
		const files = catalogue();
		const long = Array.from({ length: 21 }, () => 'үг').join(' ') + '.';
		files[GLOSSARY] = { terms: [{ ...glossary.terms[0], explanation: { mn: long, en: 'Long.' } }] };
		expect(problemsOf(files)).toContainEqual(
			expect.objectContaining({ file: GLOSSARY, field: 'terms[0].explanation.mn' })
		);
	});

	describe('the house terminology list', () => {
		const TERMS = 'content/terms.json';
		const terms = {
			terms: [
				{
					id: 'internet',
					preferred: { mn: 'интернэт', en: 'internet' },
					forbidden: { mn: ['интернет'], en: ['inter-net'] }
				}
			]
		};
		const message = (lang: 'mn' | 'en') =>
			`"${lang === 'mn' ? 'интернет' : 'inter-net'}" is not house terminology (content/terms.json "internet"): write "${terms.terms[0].preferred[lang]}"`;

		test('rejects a forbidden variant in a lesson, naming file, field and the preferred form', () => {
			const files = lessonWith((steps) => {
				steps[0].body = [{ mn: 'Интернетгүй ажиллана.', en: 'Works offline.' }];
			});
			files[TERMS] = terms;
			expect(problemsOf(files)).toEqual([
				{ file: LESSON, field: 'steps[0].body[0].mn', message: message('mn') }
			]);
		});

		test('checks English too, and titles, options and practice params', () => {
			const files = lessonWith((steps) => {
				steps[1].options = [
					{
						id: 'a',
						text: { mn: 'А', en: 'The inter-net' },
						correct: true,
						feedback: { mn: 'Тийм.', en: 'Yes.' }
					},
					{ id: 'b', text: { mn: 'Б', en: 'B' }, correct: false, feedback: { mn: 'Үгүй.', en: 'No.' } }
				];
			});
			files[TERMS] = terms;
			expect(problemsOf(files)).toContainEqual({
				file: LESSON,
				field: 'steps[1].options[0].text.en',
				message: message('en')
			});
		});

		test('checks course files, the glossary and interface messages', () => {
			const files = catalogue();
			files[TERMS] = terms;
			(files['content/courses/c/course.json'] as { title: unknown }).title = {
				mn: 'Интернет',
				en: 'Internet'
			};
			files['messages/mn.json'] = { $schema: 'x', home_intro: 'Интернетгүй ажиллана.' };
			files['messages/teach/en.json'] = { teach_intro: 'No inter-net needed.' };
			const problems = problemsOf(files);
			expect(problems).toContainEqual({
				file: 'content/courses/c/course.json',
				field: 'title.mn',
				message: message('mn')
			});
			expect(problems).toContainEqual({
				file: 'messages/mn.json',
				field: 'home_intro',
				message: message('mn')
			});
			expect(problems).toContainEqual({
				file: 'messages/teach/en.json',
				field: 'teach_intro',
				message: message('en')
			});
		});

		test('applies an entry scoped to messages only to messages, and one scoped to content only to content', () => {
			const files = lessonWith((steps) => {
				steps[0].body = [{ mn: 'Вакцины гэрчилгээ авч болно.', en: 'Log in.' }];
			});
			files[TERMS] = {
				terms: [
					{
						id: 'alkham-certificate',
						preferred: { mn: 'сертификат', en: 'certificate' },
						forbidden: { mn: ['гэрчилгээ'] },
						scope: 'messages'
					},
					{
						id: 'only-lessons',
						preferred: { mn: 'нэвтрэх', en: 'log in' },
						forbidden: { en: ['log in'] },
						scope: 'content'
					}
				]
			};
			files['messages/mn.json'] = { cert_title: 'Гэрчилгээ', cert_list: 'Миний сертификатууд' };
			files['messages/en.json'] = { teach_button: 'Log in' };
			const problems = problemsOf(files);
			expect(problems).toEqual([
				{
					file: 'messages/mn.json',
					field: 'cert_title',
					message:
						'"гэрчилгээ" is not house terminology (content/terms.json "alkham-certificate"): write "сертификат"'
				},
				{
					file: LESSON,
					field: 'steps[0].body[0].en',
					message: '"log in" is not house terminology (content/terms.json "only-lessons"): write "log in"'
				}
			]);
		});

		test('names a broken terminology file', () => {
			const files = catalogue();
			files[TERMS] = { terms: [{ id: 'x', preferred: { mn: 'а' }, forbidden: {} }] };
			expect(problemsOf(files)).toContainEqual({
				file: TERMS,
				field: 'terms[0].preferred.en',
				message: 'missing translation'
			});
		});
	});
});
