import type { Locale } from './locale';

/**
 * A long date: "2026 оны 11-р сарын 24" or "24 November 2026". English comes straight from Intl.
 * Mongolian uses the CLDR long pattern the content brief gives (`y 'оны' M'-р' 'сарын' d`) filled with
 * Intl's numbers: many browsers (Chromium, Android WebView) ship no Mongolian date data and would
 * show English month names, and the server's full ICU spells the month out — this way every device
 * and the server print the same date.
 */
export function formatLongDate(date: Date | string, locale: Locale, timeZone?: string): string {
	const value = typeof date === 'string' ? new Date(date) : date;
	if (locale === 'en') return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(value);
	const parts = new Intl.DateTimeFormat('en-GB', {
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		timeZone
	})
		.formatToParts(value)
		.reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
	return `${parts.year} оны ${Number(parts.month)}-р сарын ${Number(parts.day)}`;
}
