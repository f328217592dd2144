import type { Locale } from '$lib/i18n/locale';
import type { Localized } from './types';

function isText(value: unknown): value is { mn?: unknown; en?: unknown } {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return (
		keys.length > 0 &&
		keys.every((k) => k === 'mn' || k === 'en') &&
		Object.values(value).every((v) => typeof v === 'string')
	);
}

/**
 * Picks one language out of bilingual content, deeply. Pages receive only the text they show,
 * which halves what a learner downloads for each lesson.
 */
export function localize<T>(value: T, locale: Locale): Localized<T> {
	if (isText(value)) return (value as Record<string, string | undefined>)[locale] as Localized<T>;
	if (Array.isArray(value)) return value.map((v) => localize(v, locale)) as Localized<T>;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value)) out[key] = localize(v, locale);
		return out as Localized<T>;
	}
	return value as Localized<T>;
}
