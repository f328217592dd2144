import * as v from 'valibot';

/** Content identifiers appear in URLs: lower-case words joined by hyphens. */
const Id = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
);

const NonEmpty = v.pipe(v.string('missing translation'), v.trim(), v.nonEmpty('missing translation'));

/** A text in both languages; a missing or empty language is a missing translation. */
export const TextSchema = v.strictObject({ mn: NonEmpty, en: NonEmpty }, 'must be { "mn": …, "en": … }');

const AssetPath = v.pipe(
	v.string(),
	v.regex(/^\/[a-z0-9/_.-]+\.(svg|png|webp|mp3|ogg|m4a)$/, 'must be a path under static/, like /images/x.svg')
);

const Audio = v.optional(v.strictObject({ mn: v.optional(AssetPath), en: v.optional(AssetPath) }));

const PictureSchema = v.strictObject({
	src: AssetPath,
	alt: v.strictObject({ mn: NonEmpty, en: NonEmpty }, 'every picture needs alt text: { "mn": …, "en": … }')
});

const ReadStepSchema = v.strictObject({
	type: v.literal('read'),
	title: TextSchema,
	body: v.pipe(v.array(TextSchema), v.minLength(1, 'needs at least one paragraph')),
	image: v.optional(PictureSchema),
	audio: Audio
});

const QuizOptionSchema = v.strictObject({
	id: Id,
	text: TextSchema,
	correct: v.boolean(),
	feedback: v.optional(TextSchema)
});

const QuizStepSchema = v.strictObject({
	type: v.literal('quiz'),
	title: TextSchema,
	question: TextSchema,
	mode: v.picklist(['single', 'multiple']),
	options: v.pipe(v.array(QuizOptionSchema), v.minLength(2, 'needs at least two options')),
	explanation: TextSchema,
	audio: Audio
});

const PracticeStepSchema = v.strictObject({
	type: v.literal('practice'),
	title: TextSchema,
	goal: TextSchema,
	simulation: v.string(),
	params: v.unknown(),
	audio: Audio
});

const SummaryStepSchema = v.strictObject({
	type: v.literal('summary'),
	title: TextSchema,
	body: TextSchema,
	audio: Audio
});

export const StepSchema = v.variant(
	'type',
	[ReadStepSchema, QuizStepSchema, PracticeStepSchema, SummaryStepSchema],
	(issue) => `unknown step type ${JSON.stringify(issue.received === 'undefined' ? undefined : issue.input)}`
);

export const LessonSchema = v.strictObject({
	id: Id,
	title: TextSchema,
	description: TextSchema,
	steps: v.array(StepSchema)
});

export const CourseFileSchema = v.strictObject({
	id: Id,
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	title: TextSchema,
	description: TextSchema,
	/** Lesson ids in teaching order; each is a file `lessons/<id>.json` beside `course.json`. */
	lessons: v.pipe(v.array(Id), v.minLength(1, 'needs at least one lesson'))
});

export const CatalogueSchema = v.strictObject({
	/** Course ids in the order the home page lists them. */
	courses: v.array(Id)
});
