import { error } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { formatJoinCode } from '$lib/classes/join-code';
import { courses } from '$lib/server/content/catalogue';
import type { Locale } from '$lib/i18n/locale';
import { formatLongDate } from '$lib/i18n/format-date';
import { linkOrigin as publicOrigin } from '../http/public-origin';
import { verifyUrl } from '../certificates/issue-certificate';
import type { Database } from '../db';
import type { Teacher } from './accounts';
import { classCertificates, ownedClass } from './classes';
import { buildRoster } from './roster';

/** Dates on teacher pages are Mongolia's dates, wherever the server runs. */
export const TEACH_TIME_ZONE = 'Asia/Ulaanbaatar';

const time = (date: Date) =>
	new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TEACH_TIME_ZONE }).format(
		date
	);

/** A day as YYYY-MM-DD in Mongolia (for CSV cells). */
export function isoDay(date: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TEACH_TIME_ZONE }).format(date);
}

const day = (date: Date | string, locale: Locale) =>
	typeof date === 'string'
		? formatLongDate(`${date}T00:00:00Z`, locale, 'UTC')
		: formatLongDate(date, locale, TEACH_TIME_ZONE);

/** Link that opens the learner app's join page with the code filled in. */
export function joinUrl(origin: string, code: string, locale: Locale): string {
	return `${origin}${locale === 'en' ? '/en' : ''}/join?code=${code}`;
}

/**
 * Everything a class page, its report and its CSV show, ready to render in the teacher's language.
 * A class that does not exist or belongs to another teacher is a 404: nothing tells them apart.
 */
export async function classView(db: Database, teacher: Teacher, classId: string, locale: Locale, url: URL) {
	const cls = await ownedClass(db, teacher.id, classId);
	if (!cls) error(404, { message: 'class_not_found' });
	const origin = publicOrigin(url);
	const certificates = await classCertificates(db, cls);
	// Catalogue courses first; a course no longer in the catalogue still shows, under its id.
	const courseList = courses.map((c) => ({ id: c.id, title: c.title[locale] }));
	for (const id of new Set(certificates.map((c) => c.courseId)))
		if (!courseList.some((c) => c.id === id)) courseList.push({ id, title: id });
	const roster = buildRoster(
		certificates,
		courseList.map((c) => c.id)
	);
	const link = joinUrl(origin, cls.code, 'mn');
	return {
		cls: {
			id: cls.id,
			name: cls.name,
			place: cls.place,
			startsOn: cls.startsOn ? day(cls.startsOn, locale) : null,
			endsOn: cls.endsOn ? day(cls.endsOn, locale) : null,
			code: cls.code,
			codeDisplay: formatJoinCode(cls.code)
		},
		joinUrl: link,
		joinUrlEnglish: joinUrl(origin, cls.code, 'en'),
		qrSvg: renderSVG(link, { border: 2 }),
		courses: courseList,
		learners: roster.map((learner) => ({
			id: learner.learnerId,
			name: learner.name,
			lastSync: `${day(learner.lastSyncAt, locale)}, ${time(learner.lastSyncAt)}`,
			lastSyncIso: learner.lastSyncAt.toISOString(),
			lastSyncDay: isoDay(learner.lastSyncAt),
			courses: learner.courses.map(({ courseId, certificate: c }) => ({
				courseId,
				certificate: c && {
					id: c.id,
					revoked: c.status !== 'valid',
					completedOn: day(c.completedAt, locale),
					completedIso: c.completedAt.toISOString(),
					completedDay: isoDay(c.completedAt),
					confirmedOn: c.confirmedAt ? day(c.confirmedAt, locale) : null,
					confirmedDay: c.confirmedAt ? isoDay(c.confirmedAt) : null,
					verifyUrl: verifyUrl(origin, c.id, locale)
				}
			}))
		}))
	};
}

export type ClassView = Awaited<ReturnType<typeof classView>>;
