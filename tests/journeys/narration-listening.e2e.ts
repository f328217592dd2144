import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { fakeSpeech } from '../helpers/a11y-settings';
import { readCourse } from '../helpers/content';
import { course, lastAudio, lesson, serveNarration, watchAudio } from '../helpers/narration';
import { tabTo } from '../helpers/pages';
import { t } from '../helpers/ui';

// Recorded narration on the learner's side (docs/narration.md): the server's API is mocked here
// (its side is built and tested apart), serving a real four-second WebM/Opus file
// (tests/helpers/narration.ts). Opening a lesson with the service worker: tests/offline/narration-offline.e2e.ts.

test('downloads a course pack with the keyboard and plays its narration offline at the learner’s speed', async ({
	page,
	context
}) => {
	await fakeSpeech(page, []);
	await watchAudio(page);
	const seen = await serveNarration(page, 'en', [0, 1]);

	// The learner's speed: slower.
	await page.goto('/en/settings');
	await learnerIsOpen(page);
	await tabTo(page, 'input[name="speech-rate"]:checked');
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('input[name="speech-rate"][value="0.75"]')).toBeChecked();
	await expect(page.getByText('No narration is downloaded.')).toBeVisible();

	// The course page says the size, and downloads with the keyboard.
	await page.goto(`/en/courses/${course.id}`);
	const section = page.getByRole('region', { name: 'Listen offline' });
	await expect(section).toContainText(
		'Recorded narration of this course’s lessons: 18 kB.'.replace('’', "'")
	);
	const download = section.getByRole('button', { name: 'Download narration (18 kB)' });
	await tabTo(page, download);
	await page.keyboard.press('Enter');
	await expect(section.getByRole('status')).toHaveText(t('en', 'narration_learn_done'));
	await expect(section.getByText('Downloaded (18 kB)')).toBeFocused();
	await expect(
		section.getByRole('button', { name: `Remove the narration of ${course.title.en}` })
	).toBeVisible();
	await expectNoAxeViolations(page, 'course page with its narration downloaded');

	// A lesson: its first step opens online; then the network goes, and the next step plays its
	// narration from the device.
	// Opening the app online also refreshes the downloaded pack (when the page is idle).
	const refreshed = page.waitForResponse(`**/api/v1/narration/${course.id}/en`);
	await page.goto(`/en/courses/${course.id}/${lesson.id}#step-1`);
	await learnerIsOpen(page);
	await refreshed;
	await expect(page.getByRole('group', { name: 'Read this step aloud' })).toHaveAttribute(
		'data-plan',
		'recording'
	);
	await context.setOffline(true);
	const requestsOnline = seen.length;
	await tabTo(page, page.getByRole('button', { name: t('en', 'player_next_button') }));
	await page.keyboard.press('Enter');
	const control = page.getByRole('group', { name: 'Read this step aloud' });
	await expect(control).toHaveAttribute('data-plan', 'recording');
	const play = control.getByRole('button', { name: new RegExp(`^Read aloud: step 2, `) });
	await tabTo(page, play);
	await page.keyboard.press('Enter');
	await expect(control.getByRole('status')).toHaveText('Reading aloud…');
	await expect
		.poll(async () => {
			const audio = await lastAudio(page);
			return audio && !audio.paused && audio.time > 0.2;
		})
		.toBe(true);
	const audio = (await lastAudio(page))!;
	expect(audio.src).toMatch(/^blob:/);
	expect(audio.rate).toBe(0.75);
	expect(seen.length, 'nothing fetched offline').toBe(requestsOnline);
	await expect(control.getByRole('button', { name: /^Pause: step 2, / })).toBeVisible();
	await expectNoAxeViolations(page, 'lesson step playing its narration');

	// Back online, the settings list the pack with its size, and remove it.
	await context.setOffline(false);
	await page.goto('/en/settings');
	const settings = page.getByRole('region', { name: 'Narration on this device' });
	await expect(settings.getByRole('listitem')).toContainText([`${course.title.en} 18 kB`]);
	await tabTo(page, settings.getByRole('button', { name: `Remove the narration of ${course.title.en}` }));
	await page.keyboard.press('Enter');
	await expect(settings.getByRole('status')).toHaveText('Narration removed from this device.');
	await expect(settings.getByText('No narration is downloaded.')).toBeVisible();
	expect(
		await page.evaluate(async () => (await (await caches.open('alkham-narration')).keys()).map((r) => r.url))
	).toEqual([]);
});

test('in Mongolian: the size in Mongolian, and nothing where no narration is published', async ({ page }) => {
	await serveNarration(page, 'mn', [0]);
	await page.goto(`/courses/${course.id}`);
	const section = page.getByRole('region', { name: 'Интернэтгүй сонсох' });
	const download = section.getByRole('button', { name: 'Дуу бичлэгийг татаж авах (9 кБ)' });
	await expect(download).toBeVisible();
	// The server fails while the audio downloads: said in a sentence, and no half pack is kept.
	await page.route('**/api/v1/narration/audio/*', (route) => route.fulfill({ status: 503 }));
	await download.click();
	await expect(section.getByRole('status')).toHaveText(t('mn', 'narration_learn_error_server'));
	await expect(download).toBeFocused();
	expect(
		await page.evaluate(async () => (await (await caches.open('alkham-narration')).keys()).map((r) => r.url))
	).toEqual([]);

	// A course with nothing recorded in Mongolian: no section at all.
	const other = readCourse('family-everyday');
	await page.route(`**/api/v1/narration/${other.id}/mn`, (route) =>
		route.fulfill({ json: { courseId: other.id, locale: 'mn', files: [], bytes: 0 } })
	);
	const asked = page.waitForResponse(`**/api/v1/narration/${other.id}/mn`);
	await page.goto(`/courses/${other.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.title.mn);
	// The answer has arrived and the page has had two frames to show what it makes of it.
	await (await asked).finished();
	for (let frame = 0; frame < 2; frame++) await page.evaluate(() => new Promise(requestAnimationFrame));
	await expect(page.getByRole('region', { name: 'Интернэтгүй сонсох' })).toHaveCount(0);
});

test('turning on automatic playback offers the narration of a started course, downloaded on request', async ({
	page
}) => {
	const seen = await serveNarration(page, 'en', [0, 1]);
	// Started: a step of the course was seen (the course page then says Continue).
	await page.goto(`/en/courses/${course.id}/${lesson.id}`);
	await learnerIsOpen(page);
	await page.getByRole('button', { name: t('en', 'player_next_button') }).click();
	await expect(page).toHaveURL(/#step-2$/);
	await page.goto(`/en/courses/${course.id}`);
	await expect(page.getByRole('link', { name: t('en', 'course_continue') })).toBeVisible();

	await page.goto('/en/settings');
	const settings = page.getByRole('region', { name: 'Narration on this device' });
	await expect(settings.getByText('No narration is downloaded.')).toBeVisible();
	const offer = settings.getByRole('button', {
		name: `Download the narration of ${course.title.en} (18 kB)`
	});
	await expect(offer).toHaveCount(0);
	await tabTo(page, page.getByLabel(t('en', 'a11y_auto_read_label')));
	await page.keyboard.press('Space');
	await expect(settings).toContainText(t('en', 'narration_learn_offer'));
	// Offered, not started: nothing is downloaded until the learner says so.
	expect(seen.filter((path) => path.includes('/audio/'))).toEqual([]);
	await tabTo(page, offer);
	await page.keyboard.press('Enter');
	await expect(settings.getByRole('status')).toHaveText(t('en', 'narration_learn_done'));
	await expect(settings.getByRole('listitem')).toContainText([`${course.title.en} 18 kB`]);
	await expect(offer).toHaveCount(0);
	await expectNoAxeViolations(page, 'settings with automatic playback and a downloaded pack');
});
