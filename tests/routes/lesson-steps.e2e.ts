import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { fakeSpeech } from '../helpers/a11y-settings';
import { courseIds, readCourse } from '../helpers/content';
import { inGroups } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { prefix, t } from '../helpers/ui';

// Every step of every lesson, in both languages: the read-aloud control on each step (a device with
// an English voice only), and axe and 44×44 px targets on each step after the first (the lesson's
// own address, step 1, has those and more in pages.e2e.ts). Two lessons per test, one report step
// per lesson step; a failing step does not stop the others from being checked.

for (const course of courseIds().map(readCourse))
	for (const lang of ['mn', 'en'] as const)
		for (const lessons of inGroups(course.lessons, 2))
			test(`every step of ${course.id}: ${lessons.map((l) => l.id).join(', ')} (${lang})`, async ({
				page
			}) => {
				await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
				for (const lesson of lessons)
					for (let step = 1; step <= lesson.steps.length; step++)
						await test.step(`${lesson.id} step ${step}`, async () => {
							await page.goto(`${prefix(lang)}/courses/${course.id}/${lesson.id}#step-${step}`);
							if (step === 1) await learnerIsOpen(page);
							await expect(page.locator('#step-heading')).toContainText(lesson.steps[step - 1].title[lang]);
							await expect
								.soft(page.getByRole('group', { name: t(lang, 'a11y_read_aloud_group') }))
								.toBeVisible();
							if (step === 1) return;
							await expectNoAxeViolations(page, `${lesson.id} step ${step} (${lang})`, { soft: true });
							expect
								.soft(await smallTargets(page), `targets under 44×44 px on ${lesson.id} step ${step}`)
								.toEqual([]);
						});
			});
