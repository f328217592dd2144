import { LOCALES, type Locale } from '$lib/i18n/locale';

/**
 * A course's narration pack as the server describes it (docs/narration.md, "the public API"):
 * one file per narrated step in one language, and their total size.
 */
export interface PackFile {
	lessonId: string;
	/** The step's index in the lesson, from 0. */
	step: number;
	/** Where the audio is: `/api/v1/narration/audio/{id}`; a new recording has a new address. */
	url: string;
	type: string;
	bytes: number;
	durationMs: number;
}

export interface PackManifest {
	courseId: string;
	locale: Locale;
	files: PackFile[];
	/** The sum of the files' sizes: what the learner is told before downloading. */
	bytes: number;
}

/** A manifest as kept on the device: the server's, plus the course's title to list it by. */
export interface StoredManifest extends PackManifest {
	title?: string;
}

/** The address of a course's manifest in one language. */
export function manifestUrl(courseId: string, locale: Locale): string {
	return `/api/v1/narration/${encodeURIComponent(courseId)}/${locale}`;
}

/** The course and language of a manifest's address, or undefined for any other address. */
export function manifestKey(url: string): { courseId: string; locale: Locale } | undefined {
	const match = /^\/api\/v1\/narration\/([^/]+)\/([^/]+)$/.exec(new URL(url, 'http://device').pathname);
	if (!match || match[1] === 'audio') return undefined;
	const locale = match[2] as Locale;
	return LOCALES.includes(locale) ? { courseId: decodeURIComponent(match[1]), locale } : undefined;
}

const AUDIO_PATH = /^\/api\/v1\/narration\/audio\/[^/?#]+$/;

function parseFile(value: unknown): PackFile | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const v = value as Record<string, unknown>;
	const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
	// Only the server's own audio addresses: a damaged or foreign manifest never makes the device
	// fetch from elsewhere.
	if (typeof v.url !== 'string' || !AUDIO_PATH.test(v.url)) return undefined;
	if (typeof v.lessonId !== 'string' || !v.lessonId || !count(v.step) || !count(v.bytes)) return undefined;
	return {
		lessonId: v.lessonId,
		step: v.step as number,
		url: v.url,
		type: typeof v.type === 'string' ? v.type : '',
		bytes: v.bytes as number,
		durationMs: count(v.durationMs) ? (v.durationMs as number) : 0
	};
}

/**
 * Reads a manifest defensively (from the network or the device's cache): files that are not
 * well formed are left out, and the size is the sum of the files kept. Undefined when it is not a
 * manifest of this course and language at all.
 */
export function parseManifest(value: unknown, courseId: string, locale: Locale): StoredManifest | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const v = value as Record<string, unknown>;
	if (v.courseId !== courseId || v.locale !== locale || !Array.isArray(v.files)) return undefined;
	const files = v.files.map(parseFile).filter((file): file is PackFile => file !== undefined);
	return {
		courseId,
		locale,
		files,
		bytes: files.reduce((sum, file) => sum + file.bytes, 0),
		...(typeof v.title === 'string' ? { title: v.title } : {})
	};
}
