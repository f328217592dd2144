import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locale';
import type { NarrationErrorKind } from './pack-store';

/**
 * A pack's size in the page's language, as storage settings show it: whole kilobytes below one
 * megabyte, megabytes with one decimal above (decimal units, 1 MB = 1 000 000 bytes). The number
 * is written by Intl.NumberFormat; the unit comes from the messages, because browsers' own unit
 * names for Mongolian are often missing (Chromium writes "kB" in a Mongolian sentence).
 */
export function formatSize(bytes: number, locale: Locale): string {
	if (bytes >= 1_000_000) {
		const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);
		return m.narration_learn_size_mb({ size }, { locale });
	}
	const size = new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1000)));
	return m.narration_learn_size_kb({ size }, { locale });
}

/** How far a download is, as a percentage in the page's language. */
export function formatProgress(done: number, total: number, locale: Locale): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
		total > 0 ? Math.min(1, done / total) : 0
	);
}

/** What the learner is told when a download failed. */
export function errorMessage(kind: NarrationErrorKind): string {
	switch (kind) {
		case 'offline':
			return m.narration_learn_error_offline();
		case 'server':
			return m.narration_learn_error_server();
		case 'storage-full':
			return m.narration_learn_error_storage_full();
		case 'unavailable':
			return m.narration_learn_error_unavailable();
	}
}
