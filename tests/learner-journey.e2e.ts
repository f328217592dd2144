import { expect, test, type Page } from '@playwright/test';
import { readCourse, type LessonData, type StepData } from './helpers/content';
import { tabTo, waitForOfflineReady } from './helpers/pages';
import { startLearning } from './helpers/learners';

// Every learner page first asks who is learning: each test starts as a new learner.
test.beforeEach(async ({ page }) => startLearning(page));

const course = readCourse('meet-e-mongolia');
const ui = {
	mn: { next: 'Дараах', finish: 'Хичээлийг дуусгах', check: 'Хариултаа шалгах', done: 'Хичээл дууслаа' },
	en: { next: 'Next', finish: 'Finish the lesson', check: 'Check my answer', done: 'Lesson complete' }
};
type Lang = keyof typeof ui;

const lessonUrl = (lang: Lang, lesson: LessonData) =>
	`${lang === 'en' ? '/en' : ''}/courses/${course.id}/${lesson.id}`;

async function press(page: Page, selector: string, key = 'Enter') {
	await tabTo(page, selector);
	await page.keyboard.press(key);
}

/** Completes the step on screen with the keyboard alone, using the content's right answers. */
async function solveStep(page: Page, step: StepData, lang: Lang) {
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
		await expect(
			page.getByRole('status').filter({ hasText: lang === 'mn' ? 'Зөв!' : 'Correct!' })
		).toBeVisible();
	}
	if (step.type === 'practice' && step.simulation === 'official-site') {
		const genuine = step.params?.choices?.find((c) => c.genuine);
		await press(page, `button.address:has(code:text-is("${genuine?.address}"))`);
		await expect(
			page.locator('.practice').getByText(lang === 'mn' ? 'Дадлага дууслаа' : 'Practice complete')
		).toBeVisible();
	}
}

/** Goes through every step of a lesson with the keyboard alone, checking focus and the step counter. */
async function completeLesson(page: Page, lesson: LessonData, lang: Lang) {
	const total = lesson.steps.length;
	for (const [i, step] of lesson.steps.entries()) {
		const heading = page.locator('#step-heading');
		await expect(heading).toContainText(
			lang === 'mn' ? `${total} алхмын ${i + 1}-р алхам` : `Step ${i + 1} of ${total}`
		);
		await expect(heading).toContainText(step.title[lang]);
		if (i > 0) await expect(heading).toBeFocused();
		await solveStep(page, step, lang);
		const last = i === total - 1;
		await press(page, `button:text-is("${last ? ui[lang].finish : ui[lang].next}")`);
	}
	const done = page.getByRole('heading', { name: ui[lang].done });
	await expect(done).toBeVisible();
	await expect(done).toBeFocused();
}

test('completes the whole first course with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	for (const lesson of course.lessons) {
		await page.goto(lessonUrl('mn', lesson));
		await completeLesson(page, lesson, 'mn');
	}
	await expect(page.getByText('Та сургалтыг бүхэлд нь дуусгалаа!')).toBeVisible();
	await page.goto(`/courses/${course.id}`);
	await expect(
		page.getByText(`${course.lessons.length} хичээлээс ${course.lessons.length} нь дууссан`).first()
	).toBeVisible();
	await expect(page.locator('.lessons .badge.done')).toHaveCount(course.lessons.length);
});

test('reloads and resumes the lesson at the same step', async ({ page }) => {
	const lesson = course.lessons[0];
	await page.goto(lessonUrl('en', lesson));
	await expect(page.locator('#step-heading')).toContainText('Step 1 of');
	await press(page, 'button:text-is("Next")');
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');
	await page.goto(lessonUrl('en', lesson)); // without the #step fragment: resume comes from saved progress
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');
	await page.goto('/en/courses/meet-e-mongolia');
	await expect(page.locator('.lessons li').first().locator('.badge')).toContainText('In progress');
});

test('switching language mid-lesson keeps the learner on the same step', async ({ page }) => {
	const lesson = course.lessons[0];
	await page.goto(lessonUrl('mn', lesson));
	await press(page, 'button:text-is("Дараах")');
	await expect(page.locator('#step-heading')).toContainText('2-р алхам');
	await press(page, 'a[hreflang="en"]');
	await expect(page).toHaveURL(/\/en\/courses\/meet-e-mongolia\/.+#step-2$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('#step-heading')).toContainText(`Step 2 of ${lesson.steps.length}`);
	await expect(page.locator('#step-heading')).toContainText(lesson.steps[1].title.en);
});

test('works offline after the first visit: every page opens and a lesson can be completed', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// A page never opened online, reached by following links.
	await page.getByRole('link', { name: course.title.mn }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title.mn);
	const lesson = course.lessons.at(-1)!;
	const direct = await page.goto(lessonUrl('en', lesson));
	expect(direct?.fromServiceWorker()).toBe(true);
	// Opened from the cached app shell: the page still says which language it is in.
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await completeLesson(page, lesson, 'en');
	// Server pages are never answered from the cache: offline they fail as any website would.
	await expect(page.goto('/teach')).rejects.toThrow();
});
