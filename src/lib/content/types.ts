// Lesson content as authored: every piece of text carries both languages side by side,
// so a step can never exist in one language and be missing in the other. The languages
// themselves are in $lib/i18n/locale.

/** A text in both languages. */
export type Text = { mn: string; en: string };

/** A picture shown in a step; `src` is a path under `static/`, `alt` is required in both languages. */
export interface Picture {
	src: string;
	alt: Text;
}

export interface ReadStep {
	type: 'read';
	title: Text;
	/** Short paragraphs, one idea each. */
	body: Text[];
	image?: Picture;
	/** Optional recorded narration, one file per language, under `static/`. */
	audio?: Partial<Text>;
}

export interface QuizOption {
	id: string;
	text: Text;
	correct: boolean;
	/** Said when the learner picks this option: why it is right or wrong. */
	feedback?: Text;
}

export interface QuizStep {
	type: 'quiz';
	title: Text;
	question: Text;
	/** `single`: one right answer (radio buttons); `multiple`: pick every right answer (checkboxes). */
	mode: 'single' | 'multiple';
	options: QuizOption[];
	/** Shown once the learner has answered correctly. */
	explanation: Text;
	audio?: Partial<Text>;
}

export interface PracticeStep {
	type: 'practice';
	title: Text;
	/** The goal in plain words, shown above the practice copy. */
	goal: Text;
	/** Name of a simulation in `src/lib/simulations/registry.ts`. */
	simulation: string;
	/** Simulation-specific data, validated by that simulation's schema. */
	params: unknown;
	audio?: Partial<Text>;
}

export interface SummaryStep {
	type: 'summary';
	title: Text;
	/** The one-sentence summary of the lesson. */
	body: Text;
	audio?: Partial<Text>;
}

export type Step = ReadStep | QuizStep | PracticeStep | SummaryStep;
export type StepType = Step['type'];

export interface Lesson {
	id: string;
	title: Text;
	/** One line shown in the course's lesson list. */
	description: Text;
	steps: Step[];
}

export interface Course {
	id: string;
	/** Bumped when the lessons of a course change in a way that matters for certificates. */
	version: number;
	title: Text;
	description: Text;
	lessons: Lesson[];
}

/** Replaces every `{ mn, en }` pair in a value with the text of one language. */
export type Localized<T> = T extends Text
	? string
	: T extends Partial<Text>
		? string | undefined
		: T extends (infer U)[]
			? Localized<U>[]
			: T extends object
				? { [K in keyof T]: Localized<T[K]> }
				: T;
