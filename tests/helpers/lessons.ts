import { expect, type Page } from '@playwright/test';
import type { LessonData, StepData } from './content';
import { tabTo } from './pages';
import { t, type Lang } from './ui';

/** Tabs to `selector` and presses `key` (Enter by default), as a keyboard user would. */
export async function press(page: Page, selector: string, key = 'Enter') {
	await tabTo(page, selector);
	await page.keyboard.press(key);
}

/** Completes the step on screen with the keyboard alone, using the content's right answers. */
export async function solveStep(page: Page, step: StepData, lang: Lang) {
	if (step.type === 'quiz') {
		const options = step.options ?? [];
		if (step.mode === 'single') {
			// Tab enters the radio group on its first option; arrow keys move and select.
			await tabTo(page, 'input[type=radio][name=answer]');
			const index = options.findIndex((o) => o.correct);
			for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
			if (index === 0) await page.keyboard.press('Space');
		} else {
			for (const option of options.filter((o) => o.correct))
				await press(page, `input[type=checkbox][value="${option.id}"]`, 'Space');
		}
		await press(page, `button[type=submit]`);
		await expect(page.getByRole('status').filter({ hasText: t(lang, 'quiz_correct') })).toBeVisible();
	}
	if (step.type === 'practice' && step.simulation === 'official-site') {
		const genuine = step.params?.choices?.find((c) => c.genuine);
		await press(page, `button.address:has(code:text-is("${genuine?.address}"))`);
		await expect(page.locator('.practice').getByText(t(lang, 'practice_done'))).toBeVisible();
	}
}

/** Goes through every step of a lesson with the keyboard alone, checking focus and the step counter. */
export async function completeLesson(page: Page, lesson: LessonData, lang: Lang) {
	const total = lesson.steps.length;
	for (const [i, step] of lesson.steps.entries()) {
		const heading = page.locator('#step-heading');
		await expect(heading).toContainText(t(lang, 'player_step_of', { current: i + 1, total }));
		await expect(heading).toContainText(step.title[lang]);
		if (i > 0) await expect(heading).toBeFocused();
		await solveStep(page, step, lang);
		const last = i === total - 1;
		await press(page, `button:text-is("${t(lang, last ? 'player_finish_button' : 'player_next_button')}")`);
	}
	const done = page.getByRole('heading', { name: t(lang, 'player_lesson_done_heading') });
	await expect(done).toBeVisible();
	await expect(done).toBeFocused();
}

/**
 * Finishes a lesson from its summary step (opened by its #step link), without walking every step:
 * for journeys about what follows a finished lesson (certificates, classes).
 */
export async function finishLessonFromSummary(page: Page, url: string, steps: number, lang: Lang) {
	await page.goto(`${url}#step-${steps}`);
	await page.reload(); // the player opens at the fragment's step
	await page.getByRole('button', { name: t(lang, 'player_finish_button') }).click();
	await expect(page.getByRole('heading', { name: t(lang, 'player_lesson_done_heading') })).toBeVisible();
}
