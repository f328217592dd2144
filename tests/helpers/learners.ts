import { expect, type Page } from '@playwright/test';

/**
 * Opens `url` on a fresh device and adds a learner through the welcome screen, as a person would:
 * every learner page first asks who is learning. The learner stays open for the rest of the tab
 * (later `page.goto` calls keep them). Most tests start with the worker's learner instead
 * (tests/fixtures.ts); this is for the tests about a fresh device and for making that learner.
 */
export async function addLearner(page: Page, url = '/', name = 'Test') {
	await page.goto(url);
	const en = new URL(url, 'http://x').pathname.startsWith('/en');
	await page.getByRole('button', { name: en ? 'Create my profile' : 'Профайл үүсгэх' }).click();
	await page.getByLabel(en ? 'Your name' : 'Таны нэр').fill(name);
	await page.getByRole('button', { name: en ? 'Start learning' : 'Суралцаж эхлэх' }).click();
	await makeComfortable(page, en);
	await expect(page.getByRole('button', { name: en ? 'Switch learner' : 'Суралцагч солих' })).toBeVisible();
}

/**
 * A learner just added first sees "Make it comfortable" (text size, contrast, read aloud); this
 * leaves the settings as they are and presses Done with the keyboard.
 */
export async function makeComfortable(page: Page, en: boolean) {
	await expect(
		page.getByRole('heading', { level: 1, name: en ? 'Make it comfortable' : 'Тохь тухтай болгох' })
	).toBeVisible();
	const done = page.getByRole('button', { name: en ? 'Done' : 'Дууслаа' });
	await done.focus();
	await page.keyboard.press('Enter');
	await expect(done).toBeHidden();
}
