import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db/database.server';
import { learnerCounts, teacherClasses } from '$lib/server/teach/classes';
import { formatJoinCode } from '$lib/classes/join-code';
import { parseSignInForm } from '$lib/server/teach/forms';
import { safeNext } from '$lib/server/teach/guard';
import { signInAddress } from '$lib/server/teach/client-address';
import { teachCookieOptions } from '$lib/server/teach/hooks';
import { endSession, SESSION_COOKIE } from '$lib/server/teach/sessions';
import { signIn } from '$lib/server/teach/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** HTTP status of each refused sign-in: busy is the server's state (503), the others the request's. */
const STATUS = { invalid: 400, disabled: 403, throttled: 429, busy: 503 } as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.teacher) return { signedIn: false as const, next: safeNext(url.searchParams.get('next')) };
	const { db } = await database();
	const [classes, counts] = await Promise.all([
		teacherClasses(db, locals.teacher.id),
		learnerCounts(db, locals.teacher.id)
	]);
	return {
		signedIn: true as const,
		classes: classes.map((c) => ({
			id: c.id,
			name: c.name,
			place: c.place,
			code: formatJoinCode(c.code),
			learners: counts.get(c.id) ?? 0
		}))
	};
};

export const actions: Actions = {
	signIn: async (event) => {
		const form = await event.request.formData();
		const next = safeNext(form.get('next')?.toString());
		const parsed = parseSignInForm(form);
		if (!parsed.ok) return fail(400, { email: parsed.values.email, errors: parsed.errors, next });
		const { db } = await database();
		const result = await signIn(db, { ...parsed.value, address: signInAddress(event) });
		if (!result.ok) {
			const status = STATUS[result.reason];
			if (result.reason === 'throttled' || result.reason === 'busy')
				event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			return fail(status, {
				email: parsed.value.email,
				problem: result.reason,
				waitSeconds: result.reason === 'throttled' ? Math.ceil(result.retryAfterMs / 1000) : 0,
				next
			});
		}
		// A browser-session cookie; the server ends the session after SESSION_IDLE_MS without use, and
		// SESSION_MAX_MS (TEACH_SESSION_MAX_HOURS) after sign-in at the latest.
		event.cookies.set(SESSION_COOKIE, result.token, teachCookieOptions(event));
		redirect(303, next);
	},

	signOut: async (event) => {
		const { db } = await database();
		await endSession(db, event.cookies.get(SESSION_COOKIE));
		event.cookies.delete(SESSION_COOKIE, teachCookieOptions(event));
		redirect(303, '/teach');
	}
};
