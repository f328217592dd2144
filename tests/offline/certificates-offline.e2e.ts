import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { readCourse } from '../helpers/content';
import { addLearner } from '../helpers/learners';
import { finishLessonFromSummary } from '../helpers/lessons';
import { waitForOfflineReady } from '../helpers/pages';

const course = readCourse('meet-e-mongolia');

// A fresh device: the learner's profile name is the name printed on the certificate.
test.use({ learner: false });

test('a course finished offline earns a pending certificate that is confirmed once online', async ({
	page,
	context
}) => {
	// Four lessons finished, a certificate sent and checked: about 20 s alone, 50 s on a busy machine.
	test.setTimeout(120_000);
	await addLearner(page, '/en', 'Оюун');
	await waitForOfflineReady(page);
	await context.setOffline(true);

	for (const lesson of course.lessons)
		await finishLessonFromSummary(page, `/en/courses/${course.id}/${lesson.id}`, lesson.steps.length, 'en');
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
