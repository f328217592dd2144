import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locale';
import type { NarrationErrorKind } from './pack-store';

/**
 * A pack's size in the page's language, as storage settings show it: whole kilobytes below one
 * megabyte, megabytes with one decimal above (decimal units, 1 MB = 1 000 000 bytes).
 */
export function formatSize(bytes: number, locale: Locale): string {
	const megabytes = bytes >= 1_000_000;
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: megabytes ? 'megabyte' : 'kilobyte',
		unitDisplay: 'short',
		maximumFractionDigits: megabytes ? 1 : 0
	}).format(megabytes ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
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
