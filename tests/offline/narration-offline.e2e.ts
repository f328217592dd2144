import { test, expect, learnerIsOpen, admin, newTeacher } from '../fixtures';
import { fakeSpeech } from '../helpers/a11y-settings';
import { readCourse } from '../helpers/content';
import { course, lastAudio, lesson, serveNarration, watchAudio } from '../helpers/narration';
import { tabTo, waitForOfflineReady } from '../helpers/pages';
import { signIn } from '../helpers/teach';
import { t } from '../helpers/ui';

// With the service worker on: a pack downloaded online plays in a lesson opened with the network
// off. The audio comes from the narration cache as a blob: address, never from the worker's precache.

test('a downloaded pack plays in a lesson opened offline', async ({ page, context }) => {
	await fakeSpeech(page, []);
	await watchAudio(context);
	const seen = await serveNarration(context, 'en', [0, 1]);

	await page.goto(`/en/courses/${course.id}`);
	await waitForOfflineReady(page);
	const section = page.getByRole('region', { name: 'Listen offline' });
	await section.getByRole('button', { name: 'Download narration (18 kB)' }).click();
	await expect(section.getByText('Downloaded (18 kB)')).toBeVisible();

	await context.setOffline(true);
	const fetched = seen.length;
	const response = await page.goto(`/en/courses/${course.id}/${lesson.id}#step-2`);
	expect(response?.fromServiceWorker()).toBe(true);
	await learnerIsOpen(page);
	const control = page.getByRole('group', { name: 'Read this step aloud' });
	await expect(control).toHaveAttribute('data-plan', 'recording');
	await control.getByRole('button', { name: /^Read aloud: step 2, / }).click();
	await expect
		.poll(async () => {
			const audio = await lastAudio(page);
			return audio && !audio.paused && audio.time > 0.2;
		})
		.toBe(true);
	expect((await lastAudio(page))!.src).toMatch(/^blob:/);
	// No audio from the network: the recording is the device's. (The pack's manifest may be asked for: a page
	// opened by navigation while the browser context is offline can report navigator.onLine as true in
	// Chromium 150, and the app then tries to bring packs up to date, which offline fails and changes nothing.)
	const offline = seen.slice(fetched).filter((path) => path.includes('/audio/'));
	expect(offline, 'no audio fetched offline').toEqual([]);
	// Nothing of narration is in the worker's precache.
	const precached = await page.evaluate(async () => {
		const names = (await caches.keys()).filter((name) => name !== 'alkham-narration');
		const urls = await Promise.all(
			names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url))
		);
		return urls.flat().filter((url) => url.includes('/api/'));
	});
	expect(precached).toEqual([]);
});

// The whole way, with no mock and the keyboard alone: a teacher uploads a step's narration, an approver
// publishes it, and a learner's device downloads the course's pack and plays it offline. Its own course and language
// (staying-safe-online, English), so no other test's manifest changes.
test('narration published on the server reaches a learner’s device and plays offline', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const safe = readCourse('staying-safe-online');
	const first = safe.lessons[0];
	const teacher = newTeacher('Сарнай');
	const approver = newTeacher('Оюун');
	expect(admin(['grant-approver', approver]).status).toBe(0);

	const teach = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	const desk = await teach.newPage();
	await desk.goto('/teach');
	await signIn(desk, teacher);
	await expect(desk.getByRole('heading', { level: 1, name: t('mn', 'teach_classes_title') })).toBeVisible();
	await desk.goto(`/teach/narration/${safe.id}/${first.id}/0/en`);
	await desk.locator('#audio-file').setInputFiles('tests/media/narration/tone-4s.webm');
	await tabTo(desk, desk.getByRole('button', { name: t('mn', 'narration_teach_upload_button') }));
	await desk.keyboard.press('Enter');
	await expect(desk.getByRole('status').filter({ hasText: t('mn', 'narration_teach_saved') })).toBeVisible();
	await teach.clearCookies();
	await desk.goto('/teach');
	await signIn(desk, approver);
	await expect(desk.getByRole('heading', { level: 1, name: t('mn', 'teach_classes_title') })).toBeVisible();
	await desk.goto('/teach/narration/review');
	// Other tests' drafts may be waiting too: this one is the item of this course.
	const item = desk.getByRole('listitem').filter({ hasText: safe.title.mn });
	await tabTo(desk, item.getByRole('button', { name: t('mn', 'narration_teach_publish') }));
	await desk.keyboard.press('Enter');
	await expect(
		desk.getByRole('status').filter({ hasText: t('mn', 'narration_teach_published_done') })
	).toBeVisible();
	await teach.close();

	// The learner's device: the course page offers the pack with its size, downloads it, and the
	// lesson plays it with the network off.
	await fakeSpeech(page, []);
	await watchAudio(context);
	await page.goto(`/en/courses/${safe.id}`);
	await waitForOfflineReady(page);
	const section = page.getByRole('region', { name: 'Listen offline' });
	await tabTo(page, section.getByRole('button', { name: /^Download narration \(\d+ kB\)$/ }));
	await page.keyboard.press('Enter');
	await expect(section.getByText(/^Downloaded \(\d+ kB\)$/)).toBeVisible();
	await context.setOffline(true);
	await page.goto(`/en/courses/${safe.id}/${first.id}`);
	await learnerIsOpen(page);
	const control = page.getByRole('group', { name: 'Read this step aloud' });
	await expect(control).toHaveAttribute('data-plan', 'recording');
	await tabTo(page, control.getByRole('button', { name: /^Read aloud: step 1, / }));
	await page.keyboard.press('Enter');
	await expect
		.poll(async () => {
			const audio = await lastAudio(page);
			return audio && !audio.paused && audio.time > 0.2;
		})
		.toBe(true);
	expect((await lastAudio(page))!.src).toMatch(/^blob:/);
});
