import type { Locale } from '$lib/i18n/locale';

/** The parts of a SpeechSynthesisVoice that choosing one needs. */
export interface VoiceLike {
	name: string;
	lang: string;
	localService: boolean;
	default: boolean;
}

/** The preferred regional voice for each language, when the device has several. */
const PREFERRED_REGION: Record<Locale, string> = { mn: 'mn-mn', en: 'en-gb' };

/** The language of a voice's tag: `mn-MN`, `mn_MN` (as some Android versions write it) and `MN` are all `mn`. */
export function voiceLanguage(tag: string): string {
	return tag.trim().toLowerCase().replace(/_/g, '-').split('-')[0];
}

/**
 * The best voice for a language, or undefined when the device has none. Only a voice of that very
 * language will do: Mongolian read by a Russian or English voice is worse than no voice at all.
 * Among matches: a voice on the device (it works offline) before a network one, then the
 * preferred region, then the browser's default voice.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], locale: Locale): V | undefined {
	const matching = voices.filter((v) => voiceLanguage(v.lang) === locale);
	const score = (v: V) =>
		(v.localService ? 4 : 0) +
		(v.lang.toLowerCase().replace(/_/g, '-') === PREFERRED_REGION[locale] ? 2 : 0) +
		(v.default ? 1 : 0);
	// A stable sort keeps the browser's own order among equals.
	return [...matching].sort((a, b) => score(b) - score(a))[0];
}

/** What the read-aloud control can do for a step. */
export type ReadAloudPlan<V extends VoiceLike = VoiceLike> =
	| { kind: 'recording'; src: string }
	| { kind: 'speech'; voice: V }
	/** No voice for the step's language; `other` is the other language when it has one. */
	| { kind: 'no-voice'; other?: Locale }
	| { kind: 'unsupported' };

export interface PlanInput<V extends VoiceLike> {
	locale: Locale;
	/** The step's recorded narration in this language, if the lesson has one. */
	recording?: string;
	/** Whether the browser has speech synthesis at all. */
	speechSupported: boolean;
	voices: readonly V[];
}

/** A recording wins (it is the real answer for Mongolian); else a voice of the step's language. */
export function planReadAloud<V extends VoiceLike>(input: PlanInput<V>): ReadAloudPlan<V> {
	if (input.recording) return { kind: 'recording', src: input.recording };
	if (!input.speechSupported) return { kind: 'unsupported' };
	const voice = chooseVoice(input.voices, input.locale);
	if (voice) return { kind: 'speech', voice };
	const other: Locale = input.locale === 'mn' ? 'en' : 'mn';
	return chooseVoice(input.voices, other) ? { kind: 'no-voice', other } : { kind: 'no-voice' };
}
