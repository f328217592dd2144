import type { Locale } from '$lib/i18n/locale';
import { awardEarnedCertificates, ensureCertificate } from './certificate-store';
import { startSync } from '$lib/sync/sync-client';

/**
 * Certificates as pages award them: made on the device first (offline too), then sent to the server in
 * the background. One module for the pages to load when a course is finished, so that a page's own
 * code holds one lazy import instead of two.
 */

/** The certificate of a course whose last lesson was just finished (undefined if it is not earned). */
export async function awardCourse(input: {
	profileId: string;
	learnerName: string;
	courseId: string;
	lessonIds: string[];
	locale: Locale;
}) {
	const certificate = await ensureCertificate(input);
	if (certificate) startSync();
	return certificate;
}

/** Every certificate earned but not yet made (a tab closed before the lesson's end was saved, say). */
export async function awardEarned(input: {
	profileId: string;
	learnerName: string;
	courses: Record<string, string[]>;
	locale: Locale;
}) {
	const made = await awardEarnedCertificates(input);
	startSync();
	return made;
}
