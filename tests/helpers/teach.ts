import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { TEACHER_PASSWORD } from '../fixtures';
import { expectNoAxeViolations } from './a11y';
import { readCourse } from './content';
import { addLearner } from './learners';
import { finishLessonFromSummary } from './lessons';
import { tabTo } from './pages';
import { smallTargets } from './targets';

/** What the teacher journeys share (tests/journeys/teacher.e2e.ts, tests/offline/class-join.e2e.ts). */

export const course = readCourse('meet-e-mongolia');

/** Axe and the 44 px target check, on a teacher page as it is now. */
export async function checkPage(page: Page, what: string) {
	await expectNoAxeViolations(page, what);
	expect(await smallTargets(page), `targets under 44×44 px on ${what}`).toEqual([]);
	// Teacher pages send no JavaScript at all: they work the same with it turned off.
	expect(await page.locator('script').count(), `scripts on ${what}`).toBe(0);
}

/** Signs in with the keyboard alone, as a teacher with a password manager or a careful typist would. */
export async function signIn(page: Page, email: string, password = TEACHER_PASSWORD) {
	await tabTo(page, '#email');
	await page.keyboard.type(email);
	await page.keyboard.press('Tab');
	await expect(page.locator('#password')).toBeFocused();
	await page.keyboard.type(password);
	await page.keyboard.press('Enter');
}

export async function createClass(page: Page, name: string, newClassLink: string) {
	await tabTo(page, page.getByRole('link', { name: newClassLink }));
	await page.keyboard.press('Enter');
	await expect(page.locator('#name')).toBeVisible();
	await tabTo(page, '#name');
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * The learner finishes every lesson of the course in the app (from each lesson's summary step, as
 * tests/certificates.e2e.ts does), and waits until the device's outbox has
 * sent the certificate and the server has issued it.
 */
export async function completeCourse(learner: Page, name: string) {
	for (const lesson of course.lessons)
		await finishLessonFromSummary(learner, `/courses/${course.id}/${lesson.id}`, lesson.steps.length, 'mn');
	await learner.getByRole('link', { name: 'Сертификатаа харах' }).click();
	// The certificate carries the name of the learner's profile.
	await expect(learner.getByText(name).first()).toBeVisible();
	await expect(learner.getByText('Баталгаажсан. Хэн ч энэ сертификатыг шалгаж болно.')).toBeVisible({
		timeout: 30_000
	});
}

/** A certificate for the course, sent straight to the API as a device would (for the security test). */
export async function postCertificate(request: APIRequestContext, classCode: string, name: string) {
	const now = new Date().toISOString();
	const response = await request.post('/api/v1/certificates', {
		headers: { 'idempotency-key': crypto.randomUUID() },
		data: {
			learner: { id: crypto.randomUUID(), name },
			courseId: course.id,
			completedAt: now,
			lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt: now })),
			locale: 'mn',
			classCode
		}
	});
	expect(response.status()).toBe(201);
	return (await response.json()).id as string;
}

/** Every URL the service worker has cached. */
export async function cachedUrls(page: Page) {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys())
			for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
		return urls;
	});
}

/** The membership the join page stored on the device. */
export async function storedMembership(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ key: string; value: { code: string; name: string } }[]>((resolve, reject) => {
				const open = indexedDB.open('alkham');
				open.onsuccess = () => {
					const all = open.result.transaction('device').objectStore('device').getAll();
					all.onsuccess = () => resolve(all.result.filter((r) => String(r.key).startsWith('class:')));
					all.onerror = () => reject(all.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

export async function learnerJoins(
	browser: Browser,
	joinPath: string,
	className: string,
	teacherName: string,
	learnerName: string
) {
	const context = await browser.newContext();
	const learner = await context.newPage();
	const violations: string[] = [];
	learner.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
	});
	// A fresh device: the link opens the welcome screen; once the learner's profile exists, the join
	// page opens with the code from the link filled in and checked.
	await addLearner(learner, joinPath, learnerName);
	// The class found takes focus, so a screen reader reads it.
	await expect(learner.getByRole('heading', { name: 'Энэ таны анги мөн үү?' })).toBeFocused();
	await expect(learner.getByText(className)).toBeVisible();
	await expect(learner.getByText(teacherName)).toBeVisible();
	await expectNoAxeViolations(learner, 'join page, class found');
	await tabTo(learner, learner.getByRole('button', { name: 'Энэ ангид нэгдэх' }));
	await learner.keyboard.press('Enter');
	await expect(learner.getByText(`Та ${className} ангид нэгдлээ.`)).toBeVisible();
	await expect(learner.getByRole('heading', { name: 'Таны анги' })).toBeVisible();
	expect(violations, 'CSP violations on the join page').toEqual([]);
	return { context, learner };
}

/** The join link shown on a class page: its path with the code (as a learner opens it) and the code. */
export async function classJoinLink(page: Page) {
	const href = await page
		.getByRole('link', { name: /\/join\?code=/ })
		.first()
		.getAttribute('href');
	const url = new URL(href!);
	const code = url.searchParams.get('code')!;
	return { path: `${url.pathname}?code=${code}`, code };
}
