import { expect, type Locator, type Page } from '@playwright/test';
import { readCourse } from './content';
import { tabTo } from './pages';
import { smallTargets } from './targets';
import { prefix, t, type Lang } from './ui';

/** What the practice-copy journeys share (tests/journeys/practice-*.e2e.ts). */

/**
 * Opens a lesson at its practice step (the one with `simulation`, else the first practice) and
 * returns the practice's params, its title and the step after it.
 */
export async function openPractice(
	page: Page,
	lang: Lang,
	courseId: string,
	lessonId: string,
	simulation?: string
) {
	const lesson = readCourse(courseId).lessons.find((l) => l.id === lessonId)!;
	const index = lesson.steps.findIndex((s) =>
		simulation ? s.simulation === simulation : s.type === 'practice'
	);
	await page.goto(`${prefix(lang)}/courses/${courseId}/${lessonId}#step-${index + 1}`);
	await expect(page.locator('#step-heading')).toContainText(lesson.steps[index].title[lang]);
	return {
		params: lesson.steps[index].params as unknown,
		title: lesson.steps[index].title[lang],
		next: lesson.steps[index + 1]
	};
}

/** Tabs to a button and presses Enter, as a keyboard user would. */
export async function pressButton(page: Page, button: Locator) {
	await tabTo(page, button);
	await page.keyboard.press('Enter');
}

/** Every target is at least 44×44 px, and at 320 px width nothing scrolls sideways. */
export async function expectTargetsAndReflow(page: Page, context: string) {
	expect(await smallTargets(page), `targets under 44×44 px: ${context}`).toEqual([]);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 320, height: 640 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `scrolls sideways at 320 px: ${context}`).toBeLessThanOrEqual(0);
	if (size) await page.setViewportSize(size);
}

/** "Next" is refused while the practice is unfinished, with a polite message. */
export async function expectNextBlocked(page: Page, lang: Lang, title: string) {
	await pressButton(page, page.getByRole('button', { name: t(lang, 'player_next_button'), exact: true }));
	await expect(page.getByText(t(lang, 'player_practice_first'))).toBeVisible();
	await expect(page.locator('#step-heading')).toContainText(title);
}
