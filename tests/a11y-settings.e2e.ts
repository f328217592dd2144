import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import {
	MIRROR_KEY,
	MODE_PREFERENCES,
	TEXT_SPACING_CSS,
	clippedElements,
	fakeSpeech,
	horizontalOverflow,
	settingsApplied,
	spoken,
	useDeviceSettings,
	type Mode
} from './helpers/a11y-settings';
import { readCourse } from './helpers/content';
import { tabTo } from './helpers/pages';
import { prerenderedRoutes } from './helpers/routes';
import { smallTargets } from './helpers/targets';
import { startLearning } from './helpers/learners';

// Every learner page first asks who is learning (a page without JavaScript shows its content).
test.beforeEach(async ({ page, javaScriptEnabled }) => {
	if (javaScriptEnabled) await startLearning(page);
});

const routes = prerenderedRoutes();
const meet = readCourse('meet-e-mongolia');
const officialSite = meet.lessons.find((l) => l.id === 'official-site')!;
const prefix = (lang: 'mn' | 'en') => (lang === 'en' ? '/en' : '');

/** Pages checked under every non-default mode: one of each kind, and every step type of a lesson. */
function representativePages(lang: 'mn' | 'en'): string[] {
	const p = prefix(lang);
	return [
		p || '/',
		`${p}/settings`,
		`${p}/help`,
		`${p}/certificates`,
		`${p}/courses/meet-e-mongolia`,
		...officialSite.steps.map((_, i) => `${p}/courses/meet-e-mongolia/official-site#step-${i + 1}`),
		`${p}/courses/payments-receipts/paying-with-qpay#step-3`,
		`${p}/courses/staying-safe-online/fake-sms-links#step-3`
	];
}

async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.locator('h1')).toHaveCount(1);
	if (url.includes('#step-'))
		await expect(page.locator('#step-heading')).toContainText(`${url.split('#step-')[1]}`);
}

test.describe('every mode passes axe, with 44×44 px targets', () => {
	const modes: Mode[] = ['high contrast', 'dark', 'high contrast dark', '200% text'];
	for (const mode of modes) {
		// The combined high-contrast dark theme uses the same colours in both languages: one is enough.
		const langs = mode === 'high contrast dark' ? (['en'] as const) : (['mn', 'en'] as const);
		for (const lang of langs) {
			test(`${mode} (${lang})`, async ({ page }) => {
				test.setTimeout(240_000);
				const preferences = MODE_PREFERENCES[mode];
				await useDeviceSettings(page, preferences);
				for (const url of representativePages(lang)) {
					await open(page, url);
					await settingsApplied(page, preferences);
					await expectNoAxeViolations(page, `${url} (${mode})`);
					expect(await smallTargets(page), `targets under 44×44 px on ${url} (${mode})`).toEqual([]);
				}
			});
		}
	}
});

test.describe('200% text at 320 px wide reflows without horizontal scrolling', () => {
	const preferences = MODE_PREFERENCES['200% text'];
	for (const route of routes) {
		test(route, async ({ page }) => {
			await useDeviceSettings(page, preferences);
			await page.setViewportSize({ width: 320, height: 640 });
			await page.goto(route);
			await settingsApplied(page, preferences);
			expect(await horizontalOverflow(page), `${route} scrolls sideways`).toBeLessThanOrEqual(0);
			expect(await smallTargets(page), `targets under 44×44 px on ${route}`).toEqual([]);
		});
	}
});

test('the WCAG text-spacing test loses no content', async ({ page }) => {
	test.setTimeout(180_000);
	for (const url of [...representativePages('mn'), ...representativePages('en')]) {
		await open(page, url);
		await page.addStyleTag({ content: TEXT_SPACING_CSS });
		expect(await clippedElements(page), `text cut off on ${url}`).toEqual([]);
		expect(await horizontalOverflow(page), `${url} scrolls sideways with text spacing`).toBeLessThanOrEqual(
			0
		);
	}
});

test('settings change with the keyboard alone, apply at once and survive a reload', async ({ page }) => {
	await page.goto('/en/settings');
	const html = page.locator('html');

	await tabTo(page, 'input[name="text-size"]:checked');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(html).toHaveAttribute('data-text-size', '150');
	// Saved for the learner who is open (startLearning names them "Test").
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

test.describe('read aloud', () => {
	test('is on every step of a course, in both languages', async ({ page }) => {
		test.setTimeout(180_000);
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		for (const lang of ['mn', 'en'] as const) {
			for (const lesson of meet.lessons) {
				for (let step = 1; step <= lesson.steps.length; step++) {
					await page.goto(`${prefix(lang)}/courses/meet-e-mongolia/${lesson.id}#step-${step}`);
					await expect(page.locator('#step-heading')).toContainText(lesson.steps[step - 1].title[lang]);
					await expect(
						page.getByRole('group', {
							name: lang === 'en' ? 'Read this step aloud' : 'Энэ алхмыг чангаар унших'
						})
					).toBeVisible();
				}
			}
		}
	});

	test('reads an English step in an English voice, with pause, stop and speed', async ({ page }) => {
		await fakeSpeech(page, [
			{ name: 'Irina', lang: 'ru-RU' },
			{ name: 'Hazel', lang: 'en-GB' }
		]);
		const lesson = meet.lessons.find((l) => l.id === 'what-is-e-mongolia')!;
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
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

	test('never reads Mongolian in a foreign voice, says so, and offers the English step', async ({ page }) => {
		await fakeSpeech(page, [
			{ name: 'Irina', lang: 'ru-RU' },
			{ name: 'Hazel', lang: 'en-GB' }
		]);
		await page.goto('/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		const control = page.getByRole('group', { name: 'Энэ алхмыг чангаар унших' });
		await expect(control).toContainText('монгол хэлний дуу хоолой байхгүй');
		await expect(control.getByRole('button')).toHaveCount(0);
		expect(await spoken(page)).toEqual([]);

		await control.getByRole('link', { name: 'Энэ алхмыг англиар нээж, чангаар уншуулах' }).click();
		await expect(page).toHaveURL(/\/en\/courses\/meet-e-mongolia\/what-is-e-mongolia#step-2$/);
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
		await page.getByRole('button', { name: 'Чангаар унших' }).click();
		expect((await spoken(page))[0]).toEqual({
			text: lesson.steps[1].title.mn,
			lang: 'mn-MN',
			voice: 'Yesui',
			rate: 1
		});
	});

	test('says plainly when the device has no voice at all', async ({ page }) => {
		await fakeSpeech(page, []);
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		const control = page.getByRole('group', { name: 'Read this step aloud' });
		await expect(control).toContainText('This device has no English voice');
		await expect(control.getByRole('link')).toHaveCount(0);
	});

	test('plays the recorded narration where the step has one, instead of speech', async ({ page }) => {
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-1');
		const control = page.getByRole('group', { name: 'Read this step aloud' });
		await expect(control).toHaveAttribute('data-plan', 'recording');
		const audio = page.waitForResponse((r) => r.url().endsWith('/audio/lessons/what-is-e-mongolia-1.en.mp3'));
		await control.getByLabel('Speed').selectOption({ label: 'Faster' });
		await control.getByRole('button', { name: 'Read aloud' }).click();
		expect((await audio).ok()).toBe(true);
		await expect(control.getByRole('status')).toHaveText('Reading aloud…');
		// The clip is about ten seconds long; it plays to the end.
		await expect(control.getByRole('status')).toHaveText('Finished reading.', { timeout: 30_000 });
		expect(await spoken(page)).toEqual([]);
	});

	test('reads each step as it opens when the learner asked for it', async ({ page }) => {
		await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
		await useDeviceSettings(page, { autoRead: true });
		const lesson = meet.lessons.find((l) => l.id === 'what-is-e-mongolia')!;
		await page.goto('/en/courses/meet-e-mongolia/what-is-e-mongolia#step-2');
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.locator('#step-heading')).toContainText(lesson.steps[2].title.en);
		await expect
			.poll(async () => (await spoken(page)).map((s) => s.text))
			.toContain(lesson.steps[2].title.en);
	});
});
