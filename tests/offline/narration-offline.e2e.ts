import { test, expect, learnerIsOpen } from '../fixtures';
import { fakeSpeech } from '../helpers/a11y-settings';
import { course, lastAudio, lesson, serveNarration, watchAudio } from '../helpers/narration';
import { waitForOfflineReady } from '../helpers/pages';

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
	expect(seen.length, 'nothing fetched offline').toBe(fetched);
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
