import { test, expect } from '../fixtures';
import { readCourse, type LessonData } from '../helpers/content';
import { completeLesson, press } from '../helpers/lessons';
import { prefix, type Lang } from '../helpers/ui';

const course = readCourse('meet-e-mongolia');
const lessonUrl = (lang: Lang, lesson: LessonData) => `${prefix(lang)}/courses/${course.id}/${lesson.id}`;

test('completes the whole first course with the keyboard alone', async ({ page }) => {
	// Four lessons, every step by keyboard: about 25 s alone, up to a minute on a busy machine.
	test.setTimeout(120_000);
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
