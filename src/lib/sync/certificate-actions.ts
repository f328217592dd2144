import type { Locale } from '$lib/i18n/locale';
import {
	awardEarnedCertificates,
	ensureCertificate,
	nameCertificate,
	retryCertificate
} from '$lib/certificates/certificate-store';
import { startSync } from './sync-client';

/**
 * Certificates as pages award them: made (or named, or retried) on the device first, offline too, then
 * sent to the server in the background. One module for the pages to load when they need it, so that a
 * page's own code holds one lazy import instead of two.
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

/** A certificate made without a name gets one, and can then be sent. */
export async function nameAward(id: string, name: string) {
	await nameCertificate(id, name);
	startSync();
}

/** A certificate the server refused is sent again (after the learner fixed its name, say). */
export async function retryAward(id: string) {
	await retryCertificate(id);
	startSync();
}
