import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { readCourse } from '../helpers/content';

const course = readCourse('meet-e-mongolia');

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
	await expect(page.getByText('Энэ сертификат хүчинтэй.')).toBeVisible();
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
