import { describe, expect, test } from 'vitest';
import { chooseVoice, planReadAloud, voiceLanguage, type VoiceLike } from './read-aloud-voice';

const voice = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({
	name,
	lang,
	localService: true,
	default: false,
	...extra
});

const russian = voice('Irina', 'ru-RU');
const usEnglish = voice('David', 'en-US');
const ukEnglish = voice('Hazel', 'en-GB');
const mongolianOnline = voice('Yesui Online', 'mn-MN', { localService: false });

describe('voiceLanguage', () => {
	test('reads the language from any way devices write a voice tag', () => {
		expect(voiceLanguage('mn-MN')).toBe('mn');
		expect(voiceLanguage('mn_MN')).toBe('mn');
		expect(voiceLanguage('MN')).toBe('mn');
		expect(voiceLanguage(' en-GB ')).toBe('en');
	});
});

describe('chooseVoice', () => {
	test('never picks a voice of another language for Mongolian', () => {
		expect(chooseVoice([russian, usEnglish], 'mn')).toBeUndefined();
	});

	test('does not mistake a language whose code starts the same way', () => {
		expect(chooseVoice([voice('X', 'mni-IN'), voice('Y', 'enm')], 'mn')).toBeUndefined();
		expect(chooseVoice([voice('Y', 'enm')], 'en')).toBeUndefined();
	});

	test('picks a Mongolian voice, even one that needs the network, when it is the only one', () => {
		expect(chooseVoice([russian, mongolianOnline], 'mn')).toBe(mongolianOnline);
	});

	test('prefers a voice on the device, which works offline, to a network voice', () => {
		const offline = voice('Local', 'mn', { localService: true });
		expect(chooseVoice([mongolianOnline, offline], 'mn')).toBe(offline);
	});

	test('prefers the preferred region, then the default voice', () => {
		expect(chooseVoice([usEnglish, ukEnglish], 'en')).toBe(ukEnglish);
		const usDefault = voice('Default', 'en-US', { default: true });
		expect(chooseVoice([usEnglish, usDefault], 'en')).toBe(usDefault);
	});

	test('keeps the browser order among equal voices', () => {
		const other = voice('Zira', 'en-US');
		expect(chooseVoice([usEnglish, other], 'en')).toBe(usEnglish);
	});

	test('answers nothing when there are no voices', () => {
		expect(chooseVoice([], 'en')).toBeUndefined();
	});
});

describe('planReadAloud', () => {
	test('plays a recording whenever the step has one, even without speech synthesis', () => {
		expect(
			planReadAloud({ locale: 'mn', recording: '/audio/a.mp3', speechSupported: false, voices: [] })
		).toEqual({
			kind: 'recording',
			src: '/audio/a.mp3'
		});
	});

	test('speaks with a voice of the step language', () => {
		expect(planReadAloud({ locale: 'en', speechSupported: true, voices: [russian, ukEnglish] })).toEqual({
			kind: 'speech',
			voice: ukEnglish
		});
	});

	test('says there is no Mongolian voice and offers English when an English voice exists', () => {
		expect(planReadAloud({ locale: 'mn', speechSupported: true, voices: [russian, usEnglish] })).toEqual({
			kind: 'no-voice',
			other: 'en'
		});
	});

	test('offers nothing else when neither language has a voice', () => {
		expect(planReadAloud({ locale: 'mn', speechSupported: true, voices: [russian] })).toEqual({
			kind: 'no-voice'
		});
	});

	test('offers Mongolian on an English step when only a Mongolian voice exists', () => {
		expect(planReadAloud({ locale: 'en', speechSupported: true, voices: [mongolianOnline] })).toEqual({
			kind: 'no-voice',
			other: 'mn'
		});
	});

	test('says so when the browser cannot speak at all', () => {
		expect(planReadAloud({ locale: 'en', speechSupported: false, voices: [] })).toEqual({
			kind: 'unsupported'
		});
	});
});
