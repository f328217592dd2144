import { test, expect, learnerIsOpen } from '../fixtures';
import { MIRROR_KEY, fakeSpeech, spoken, useDeviceSettings } from '../helpers/a11y-settings';
import { readCourse } from '../helpers/content';
import { holdScript, tabTo } from '../helpers/pages';
import { prefix, t } from '../helpers/ui';

// Settings and read aloud, as the worker's learner "Test" (tests/fixtures.ts). The display modes and
// 200 % text on every page are checked in tests/routes/.

const meet = readCourse('meet-e-mongolia');

test('settings change with the keyboard alone, apply at once and survive a reload', async ({ page }) => {
	await page.goto('/en/settings');
	const html = page.locator('html');

	await tabTo(page, 'input[name="text-size"]:checked');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(html).toHaveAttribute('data-text-size', '150');
	// Saved for the learner who is open (the worker's learner, "Test").
	await expect(page.getByRole('status').filter({ hasText: 'Saved for Test on this device.' })).toBeVisible();

	await page.keyboard.press('Tab');
	await expect(page.locator('input[name="contrast"][value="normal"]')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(html).toHaveClass(/a11y-contrast/);

	await tabTo(page, 'input[name="theme"]:checked');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(html).toHaveClass(/a11y-dark/);

	await tabTo(page, page.getByLabel('More space between lines and paragraphs'));
	await page.keyboard.press('Space');
	await expect(html).toHaveClass(/a11y-spacing/);
	// Saved (the device's quick copy is written with the learner's record) before the page goes away.
	await expect
		.poll(() => page.evaluate(() => localStorage.getItem('alkham.a11y.device') ?? ''))
		.toContain('"extraSpacing":true');

	await page.reload();
	await expect(html).toHaveAttribute('data-text-size', '150');
	await expect(html).toHaveClass(/a11y-contrast/);
	await expect(html).toHaveClass(/a11y-dark/);
	await expect(html).toHaveClass(/a11y-spacing/);
	await expect(page.locator('input[name="text-size"][value="150"]')).toBeChecked();
	await expect(page.locator('input[name="theme"][value="dark"]')).toBeChecked();

	// Another page, and the other language: the same settings.
	await page.goto('/');
	await expect(html).toHaveAttribute('data-text-size', '150');
	await expect(html).toHaveClass(/a11y-dark/);

	// Back to the usual settings, still by keyboard.
	await page.goto('/en/settings');
	await tabTo(page, page.getByRole('button', { name: 'Back to the usual settings' }));
	await page.keyboard.press('Enter');
	await expect(html).not.toHaveAttribute('data-text-size');
	await expect(html).not.toHaveClass(/a11y-dark|a11y-contrast|a11y-spacing/);
});

test("a learner's settings are kept in the device database and come back without the quick copy", async ({
	page
}) => {
	await page.goto('/en/settings');
	await expect(page.getByText('These settings belong to Test.')).toBeVisible();
	await page.locator('label', { hasText: '175%' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved for Test on this device.' })).toBeVisible();

	const rows = await page.evaluate(
		() =>
			new Promise<{ key: string; value: { textSize: number } }[]>((resolve, reject) => {
				const request = indexedDB.open('alkham');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction('settings').objectStore('settings').getAll();
					all.onsuccess = () => resolve(all.result);
				};
			})
	);
	expect(rows.map((r) => [r.key === 'device' ? 'device' : 'learner', r.value.textSize]).sort()).toEqual([
		['device', 175],
		['learner', 175]
	]);

	// Without the localStorage copy (cleared by a browser tool, say), the database still has them.
	await page.evaluate((key) => localStorage.removeItem(key), MIRROR_KEY);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', '175');
});

test("the device's settings are on the page before its scripts run, in both languages", async ({ page }) => {
	// A page kept for offline (or any page on a slow network) is painted before the app starts: the
	// inline script in <head> (src/lib/a11y/first-frame.js) applies the quick copy of the settings first.
	// Here the app's scripts never arrive at all, and the page must still be at 200 % text in high contrast.
	await useDeviceSettings(page, { textSize: 200, highContrast: true });
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
	});
	await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
	for (const path of ['/glossary', '/en/courses/meet-e-mongolia']) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
		await expect(page.locator('html')).toHaveClass(/a11y-contrast/);
	}
	// The policy allows exactly that script (its hash); nothing of it was refused.
	expect(blocked).toEqual([]);
});

test.describe('read aloud', () => {
	test('reads an English step in an English voice, with pause, stop and speed', async ({ page }) => {
		await fakeSpeech(page, [
			{ name: 'Irina', lang: 'ru-RU' },
			{ name: 'Hazel', lang: 'en-GB' }
		]);
		const lesson = meet.lessons.find((l) => l.id === 'what-is-e-mongolia')!;
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		const control = page.getByRole('group', { name: 'Read this step aloud' });
		await control.getByRole('button', { name: 'Read aloud' }).click();
		await expect(control.getByRole('status')).toHaveText('Reading aloud…');
		const said = await spoken(page);
		expect(said[0]).toEqual({ text: lesson.steps[1].title.en, lang: 'en-GB', voice: 'Hazel', rate: 1 });
		expect(said.length).toBeGreaterThan(1);

		await control.getByRole('button', { name: 'Pause' }).click();
		await expect(control.getByRole('status')).toHaveText('Paused.');
		await control.getByRole('button', { name: 'Continue reading' }).click();
		await control.getByRole('button', { name: 'Stop' }).click();
		await expect(control.getByRole('status')).toHaveText('Stopped.');
		const calls = await page.evaluate(
			() => (window as unknown as { __speech: { calls: string[] } }).__speech.calls
		);
		expect(calls).toEqual(expect.arrayContaining(['pause', 'resume', 'cancel']));

		await control.getByLabel('Speed').selectOption({ label: 'Faster' });
		await control.getByRole('button', { name: 'Read aloud' }).click();
		expect((await spoken(page)).at(-1)?.rate).toBe(1.25);
		await page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
		await expect(control.getByRole('status')).toHaveText('Finished reading.');
	});

	test('never reads Mongolian in a foreign voice, and says nothing about it on the step', async ({
		page
	}) => {
		await fakeSpeech(page, [
			{ name: 'Irina', lang: 'ru-RU' },
			{ name: 'Hazel', lang: 'en-GB' }
		]);
		await page.goto('/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		// "Read each step aloud" is off: no control, and no notice that there is no Mongolian voice.
		await expect(page.getByRole('group', { name: 'Энэ алхмыг чангаар унших' })).toHaveCount(0);
		await expect(page.locator('main')).not.toContainText('дуу хоолой');
		await expect(page.locator('main')).not.toContainText('чангаар уншиж чадахгүй');
		expect(await spoken(page)).toEqual([]);
	});

	test('with every step to be read and no voice, a step says so in one quiet line', async ({ page }) => {
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		await useDeviceSettings(page, { autoRead: true });
		await page.goto('/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		const line = page
			.locator('main p')
			.filter({ hasText: 'Энэ төхөөрөмж монгол хэлээр чангаар уншиж чадахгүй.' });
		await expect(line).toBeVisible();
		await expect(page.getByRole('group', { name: 'Энэ алхмыг чангаар унших' })).toHaveCount(0);
		await line.getByRole('link', { name: 'Юу хийж болох вэ?' }).click();
		await expect(page).toHaveURL(/\/settings#read-aloud$/);
		expect(await spoken(page)).toEqual([]);
	});

	test('the settings say once that there is no Mongolian voice, and offer English, which reads', async ({
		page
	}) => {
		await fakeSpeech(page, [
			{ name: 'Irina', lang: 'ru-RU' },
			{ name: 'Hazel', lang: 'en-GB' }
		]);
		await page.goto('/settings');
		const note = page.locator('#read-aloud-support');
		await expect(note).toContainText('монгол хэлний дуу хоолой байхгүй');
		await expect(note).toContainText('Microsoft Edge');
		// The note is read out with the setting it is about.
		await expect(page.getByLabel(t('mn', 'a11y_auto_read_label'))).toHaveAttribute(
			'aria-describedby',
			'read-aloud-support'
		);
		await note.getByRole('link', { name: 'Англи хэл рүү шилжих' }).click();
		await expect(page).toHaveURL(/\/en\/settings$/);
		// English has a voice on this device: nothing to say there.
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await expect(page.locator('#read-aloud-support')).toHaveCount(0);

		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await page.getByRole('button', { name: 'Read aloud' }).click();
		expect((await spoken(page))[0]).toMatchObject({ lang: 'en-GB', voice: 'Hazel' });
	});

	test('reads Mongolian with a Mongolian voice where the device has one', async ({ page }) => {
		await fakeSpeech(page, [
			{ name: 'Hazel', lang: 'en-GB' },
			{ name: 'Yesui', lang: 'mn-MN', localService: false }
		]);
		const lesson = meet.lessons.find((l) => l.id === 'what-is-e-mongolia')!;
		await page.goto('/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		await page.getByRole('button', { name: 'Чангаар унших' }).click();
		expect((await spoken(page))[0]).toEqual({
			text: lesson.steps[1].title.mn,
			lang: 'mn-MN',
			voice: 'Yesui',
			rate: 1
		});
	});

	test('says plainly in the settings when the device has no voice at all', async ({ page }) => {
		await fakeSpeech(page, []);
		await page.goto('/en/settings');
		const note = page.locator('#read-aloud-support');
		await expect(note).toContainText('This device has no English voice');
		await expect(note).toContainText('Another browser');
		// No other language to offer.
		await expect(note.getByRole('link')).toHaveCount(0);

		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		await expect(page.getByRole('group', { name: 'Read this step aloud' })).toHaveCount(0);
		await expect(page.locator('main')).not.toContainText('voice');
	});

	test('plays the recorded narration where the step has one, instead of speech', async ({ page }) => {
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-1');
		const control = page.getByRole('group', { name: 'Read this step aloud' });
		await expect(control).toHaveAttribute('data-plan', 'recording');
		const audio = page.waitForResponse((r) => r.url().endsWith('/audio/lessons/what-is-e-mongolia-1.en.mp3'));
		await control.getByRole('button', { name: 'Read aloud' }).click();
		expect((await audio).ok()).toBe(true);
		await expect(control.getByRole('status')).toHaveText('Reading aloud…');
		// The speed shows once reading has started, and changes the playing recording.
		await control.getByLabel('Speed').selectOption({ label: 'Faster' });
		// The clip is about ten seconds long; it plays to the end.
		await expect(control.getByRole('status')).toHaveText('Finished reading.', { timeout: 30_000 });
		expect(await spoken(page)).toEqual([]);
	});

	test('reads each step as it opens when the learner asked for it', async ({ page }) => {
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		await useDeviceSettings(page, { autoRead: true });
		const lesson = meet.lessons.find((l) => l.id === 'what-is-e-mongolia')!;
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await learnerIsOpen(page);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.locator('#step-heading')).toContainText(lesson.steps[2].title.en);
		await expect
			.poll(async () => (await spoken(page)).map((s) => s.text))
			.toContain(lesson.steps[2].title.en);
	});
});

// The settings themselves are the server's HTML until their code has loaded, right after the page is
// up (src/lib/components/ServerRendered.svelte): styled from the start, and a choice made before the
// code arrives is saved once it has, with the keyboard where it was.
for (const lang of ['mn', 'en'] as const) {
	test(`settings chosen before their code has loaded are saved once it has (${lang})`, async ({ page }) => {
		// The settings' sections: the only script with the reading-speed choice in it.
		const sections = await holdScript(page, 'speech-rate');
		await page.goto(`${prefix(lang)}/settings`);
		await expect.poll(sections.held, 'the sections load after the page, not with it').toBe(true);

		// The server's HTML, styled: a tile is a 44 px target with its border.
		const tile = page.locator('label.tile', { hasText: '150%' });
		const box = await tile.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		expect(await tile.evaluate((el) => getComputedStyle(el).borderTopWidth)).not.toBe('0px');

		const html = page.locator('html');
		await tabTo(page, 'input[name="text-size"]:checked');
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('input[name="text-size"][value="125"]')).toBeFocused();
		await expect(html).not.toHaveAttribute('data-text-size');

		sections.release();
		await expect(html).toHaveAttribute('data-text-size', '125');
		await expect(
			page.getByRole('status').filter({ hasText: t(lang, 'a11y_settings_saved_for', { name: 'Test' }) })
		).toBeVisible();
		await expect(page.locator('input[name="text-size"][value="125"]')).toBeFocused();
		await expect(page.locator('input[name="text-size"][value="125"]')).toBeChecked();
		// Only the sections' own copy: one heading "Make it comfortable", one reset button.
		await expect(page.getByRole('heading', { name: t(lang, 'a11y_comfort_heading') })).toHaveCount(1);
		await page.keyboard.press('ArrowRight');
		await expect(html).toHaveAttribute('data-text-size', '150');
		await sections.done();
	});

	test(`settings whose code cannot load say so, and leave no control that would do nothing (${lang})`, async ({
		page
	}) => {
		const sections = await holdScript(page, 'speech-rate', 'fail');
		await page.goto(`${prefix(lang)}/settings`);
		await expect(page.getByRole('alert').filter({ hasText: t(lang, 'part_load_failed') })).toBeVisible();
		await expect(page.locator('input[name="text-size"]')).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'a11y_settings_title'));
		await sections.done();
	});
}
