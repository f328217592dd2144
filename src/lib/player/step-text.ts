import type { PlayerStep } from './types';
import { stripGlossaryLinks } from '$lib/content/glossary-links';

/**
 * The text of a lesson step to read aloud, as separate pieces (one utterance each: short
 * utterances can be paused and resumed reliably, and some browsers cut off long ones).
 * `option` words a quiz option, e.g. "Answer 1: …". Glossary links are read as their shown words.
 */
export function stepText(step: PlayerStep, option: (number: number, text: string) => string): string[] {
	const pieces = (() => {
		switch (step.type) {
			case 'read':
				return [step.title, ...step.body];
			case 'quiz':
				return [step.title, step.question, ...step.options.map((o, i) => option(i + 1, o.text))];
			case 'practice':
				return [step.title, step.goal];
			case 'summary':
				return [step.title, step.body];
		}
	})();
	return pieces.map((p) => stripGlossaryLinks(p).trim()).filter((p) => p.length > 0);
}
