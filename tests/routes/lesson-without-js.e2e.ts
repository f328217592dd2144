import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { courseIds, readCourse } from '../helpers/content';
import { tabTo } from '../helpers/pages';
import { smallTargets } from '../helpers/targets';
import { prefix, t } from '../helpers/ui';

// A lesson when JavaScript does not arrive (a slow network dropped it, an old browser refused it):
// the server's page holds every step, one shown at a time by its #step-N address; Back and Next are
// links, a quiz's answers open in a disclosure, a practice says it needs the page to load, and
// nothing that needs a script (read aloud, the header's Menu button) is shown. Walked with the
// keyboard alone, in both languages, through a lesson that has every kind of step.

const lesson = courseIds()
	.map(readCourse)
	.flatMap((course) => course.lessons.map((lesson) => ({ course, lesson })))
	.find(({ lesson }) =>
		['read', 'quiz', 'practice', 'summary'].every((type) => lesson.steps.some((s) => s.type === type))
	);

test.use({ learner: false, javaScriptEnabled: false });

/** The steps axe checks: the first, and each quiz with its answers open. */
const checkedSteps = (steps: { type: string }[]) =>
	steps.flatMap((step, i) => (i === 0 || step.type === 'quiz' ? [i] : []));

for (const lang of ['mn', 'en'] as const)
	test(`a whole lesson is read with the keyboard without JavaScript (${lang})`, async ({ page }) => {
		expect(lesson, 'a lesson with read, quiz, practice and summary steps').toBeTruthy();
		const { course, lesson: l } = lesson!;
		await page.goto(`${prefix(lang)}/courses/${course.id}/${l.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.title[lang]);
		await expect(page.getByRole('group', { name: t(lang, 'a11y_read_aloud_group') })).toHaveCount(0);
		await expect(page.getByRole('button', { name: t(lang, 'header_menu') })).toBeHidden();

		const shown = page.locator('.static-step:visible');
		for (let i = 0; i < l.steps.length; i++) {
			const step = l.steps[i];
			await test.step(`step ${i + 1}: ${step.type}`, async () => {
				await expect(shown).toHaveCount(1);
				await expect(shown.getByRole('heading', { level: 2 })).toContainText(step.title[lang]);
				await expect(shown.getByRole('heading', { level: 2 })).toContainText(
					t(lang, 'player_step_of', { current: i + 1, total: l.steps.length })
				);
				if (step.type === 'quiz') {
					const reveal = shown.getByText(t(lang, 'quiz_reveal_answer'));
					await tabTo(page, reveal);
					await page.keyboard.press('Enter');
					const right = step.options!.filter((o) => o.correct).length;
					await expect(shown.getByText(t(lang, 'quiz_option_right'), { exact: true })).toHaveCount(right);
					await expect(shown.getByText(t(lang, 'quiz_option_wrong'), { exact: true })).toHaveCount(
						step.options!.length - right
					);
				}
				if (step.type === 'practice')
					await expect(shown.getByText(t(lang, 'player_static_practice'))).toBeVisible();
				if (i === 0 || step.type === 'quiz')
					expect.soft(await smallTargets(page), `targets under 44×44 px on step ${i + 1}`).toEqual([]);
				if (i === 1) {
					// Back returns to step 1 and Next comes here again.
					await tabTo(page, shown.getByRole('link', { name: t(lang, 'player_back_button') }));
					await page.keyboard.press('Enter');
					await expect(shown.getByRole('heading', { level: 2 })).toContainText(l.steps[0].title[lang]);
					await tabTo(page, shown.getByRole('link', { name: t(lang, 'player_next_button') }));
					await page.keyboard.press('Enter');
					await expect(shown.getByRole('heading', { level: 2 })).toContainText(step.title[lang]);
				}
				if (i < l.steps.length - 1) {
					await tabTo(page, shown.getByRole('link', { name: t(lang, 'player_next_button') }));
					await page.keyboard.press('Enter');
					await expect(page).toHaveURL(new RegExp(`#step-${i + 2}$`));
				}
			});
		}
		await expect(shown.getByText(t(lang, 'player_static_not_saved'))).toBeVisible();
		await tabTo(page, shown.getByRole('link', { name: t(lang, 'player_back_to_course') }));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title[lang]);
	});

// axe runs as a script in the page, so it cannot run where scripts are off: the same static lesson is
// checked where the page's own scripts never arrive (a network that dropped them), which is the
// other way a learner meets it.
for (const lang of ['mn', 'en'] as const)
	test(`the static lesson passes axe when the page's scripts do not arrive (${lang})`, async ({
		browser
	}) => {
		const { course, lesson: l } = lesson!;
		const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.route('**/_app/**/*.js', (route) => route.abort());
		for (const i of checkedSteps(l.steps)) {
			await page.goto(`${prefix(lang)}/courses/${course.id}/${l.id}#step-${i + 1}`);
			const shown = page.locator('.static-step:visible');
			await expect(shown.getByRole('heading', { level: 2 })).toContainText(l.steps[i].title[lang]);
			if (l.steps[i].type === 'quiz') await shown.getByText(t(lang, 'quiz_reveal_answer')).click();
			await expectNoAxeViolations(page, `step ${i + 1} without the page's scripts (${lang})`, { soft: true });
			expect.soft(await smallTargets(page), `targets under 44×44 px on step ${i + 1}`).toEqual([]);
		}
		await context.close();
	});

// With JavaScript, the page hydrates around the server's static lesson without re-rendering it (the
// static lesson's code is not in the page's scripts; src/lib/player/Lesson.svelte). Should the player
// then fail to load, the learner keeps that lesson: hydrated, every step still there and working.
test.describe('with JavaScript', () => {
	test.use({ learner: true, javaScriptEnabled: true });
	for (const lang of ['mn', 'en'] as const)
		test(`the static lesson stays when the player cannot load (${lang})`, async ({ page }) => {
			const { course, lesson: l } = lesson!;
			await page.route('**/_app/immutable/assets/LessonPlayer.*.css', (route) => route.abort());
			const player = page.waitForEvent('requestfailed', (r) => r.url().includes('/LessonPlayer.'));
			await page.goto(`${prefix(lang)}/courses/${course.id}/${l.id}`);
			await player;
			// Hydrated: the header's Menu button exists only once the page's script runs.
			await expect(page.locator('button[aria-controls="site-menu"]')).not.toHaveAttribute('hidden');
			const shown = page.locator('.static-step:visible');
			await expect(shown).toHaveCount(1);
			await expect(shown.getByRole('heading', { level: 2 })).toContainText(l.steps[0].title[lang]);
			await expect(page.getByRole('alert').filter({ hasText: t(lang, 'player_load_failed') })).toHaveCount(0);
			await tabTo(page, shown.getByRole('link', { name: t(lang, 'player_next_button') }));
			await page.keyboard.press('Enter');
			await expect(shown.getByRole('heading', { level: 2 })).toContainText(l.steps[1].title[lang]);
			await expect(page.locator('.static-steps')).toHaveCount(1);
		});
});
