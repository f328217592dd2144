import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Teacher } from './accounts';

/** Where to go after signing in: only a teacher page of this site (never another origin). */
export function safeNext(next: string | null | undefined): string {
	if (!next || !/^\/teach(\/[A-Za-z0-9\-_/]*)?$/.test(next) || next.includes('//')) return '/teach';
	return next;
}

/** The signed-in teacher for a page; signed out, the page sends them to sign in and back. */
export function teacherForPage(event: Pick<RequestEvent, 'locals' | 'url'>): Teacher {
	const teacher = event.locals.teacher;
	if (!teacher) redirect(303, `/teach?next=${encodeURIComponent(event.url.pathname)}`);
	return teacher;
}

/** The signed-in teacher for a form action or a download; signed out is 403 and changes nothing. */
export function teacherForAction(event: Pick<RequestEvent, 'locals'>): Teacher {
	const teacher = event.locals.teacher;
	if (!teacher) error(403, { message: 'signed_out' });
	return teacher;
}
