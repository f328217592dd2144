import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { readCourse } from './helpers/content';
import { waitForOfflineReady } from './helpers/pages';
import { startLearning } from './helpers/learners';

const course = readCourse('meet-e-mongolia');

/** Finishes a lesson from its summary step (reached by a #step link). */
async function finishLesson(page: Page, lessonId: string, steps: number, lang: 'mn' | 'en') {
	const prefix = lang === 'en' ? '/en' : '';
	await page.goto(`${prefix}/courses/${course.id}/${lessonId}#step-${steps}`);
	await page.reload(); // reload so the player opens at the fragment's step
	await page.getByRole('button', { name: lang === 'en' ? 'Finish the lesson' : 'Хичээлийг дуусгах' }).click();
	await expect(
		page.getByRole('heading', { name: lang === 'en' ? 'Lesson complete' : 'Хичээл дууслаа' })
	).toBeVisible();
}

test('a course finished offline earns a pending certificate that is confirmed once online', async ({
	page,
	context
}) => {
	// The learner's profile name is the name printed on the certificate.
	await startLearning(page, '/en', 'Оюун');
	await waitForOfflineReady(page);
	await context.setOffline(true);

	for (const lesson of course.lessons) await finishLesson(page, lesson.id, lesson.steps.length, 'en');
	await page.getByRole('link', { name: 'See your certificate' }).click();
	await expect(page.getByRole('heading', { name: 'My certificates' })).toBeVisible();
	await expect(
		page.getByText('Saved on this device — it will be confirmed when you are online.')
	).toBeVisible();
	await expectNoAxeViolations(page, 'certificates, pending');

	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByText('Confirmed. Anyone can check this certificate.')).toBeVisible({
		timeout: 20_000
	});

	await page.getByRole('link', { name: 'Show and print the certificate' }).click();
	await expect(page.locator('main').getByText('Оюун')).toBeVisible();
	await expect(page.getByText('Signature checked on this device: valid.')).toBeVisible();
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	await expectNoAxeViolations(page, 'certificate view');

	// Printing hides everything but the certificate.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	const verifyUrl = await page.locator('.url a').getAttribute('href');
	const { pathname } = new URL(verifyUrl!);
	expect(pathname).toMatch(/^\/en\/verify\/[0-9a-f-]{36}$/);
	await page.goto(pathname);
	await expect(page.getByText('This certificate is valid.')).toBeVisible();
	await expect(page.getByText('Meet e-Mongolia')).toBeVisible();
	await expectNoAxeViolations(page, 'verify page');

	// Still exactly one certificate after everything (no duplicate from Background Sync replays).
	await page.goto('/en/certificates');
	await expect(page.locator('.list li')).toHaveCount(1);
});

test('the verify page works without JavaScript in both languages and says when a number is unknown', async ({
	browser,
	request,
	page: checked
}) => {
	const body = {
		learner: { id: crypto.randomUUID(), name: 'Сүхбат' },
		courseId: course.id,
		completedAt: new Date().toISOString(),
		lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt: new Date().toISOString() })),
		locale: 'mn'
	};
	const response = await request.post('/api/v1/certificates', {
		data: body,
		headers: { 'idempotency-key': crypto.randomUUID() }
	});
	expect(response.status()).toBe(201);
	const { id } = await response.json();

	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/verify/${id}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
	await expect(page.getByText('Энэ гэрчилгээ хүчинтэй.')).toBeVisible();
	await expect(page.getByText('Сүхбат')).toBeVisible();
	await expect(page.getByText('E-Mongolia-тай танилцах')).toBeVisible();
	await page.goto(`/en/verify/${id}`);
	await expect(page.getByText('This certificate is valid.')).toBeVisible();

	const missing = await page.goto(`/en/verify/${crypto.randomUUID()}`);
	expect(missing?.status()).toBe(404);
	await expect(page.getByText('We could not find a certificate with this number.')).toBeVisible();
	await context.close();

	// axe needs JavaScript to run, so the same pages are checked in an ordinary browser.
	for (const path of [`/verify/${id}`, `/en/verify/${id}`, `/verify/${crypto.randomUUID()}`]) {
		await checked.goto(path);
		await expectNoAxeViolations(checked, path);
	}
});
