import type { Page } from '@playwright/test';
import { test, expect, learnerIsOpen, LEARNER_NAME } from '../fixtures';
import { fakeSpeech, horizontalOverflow, MODE_PREFERENCES, switchSettings } from '../helpers/a11y-settings';
import { courseIds, readCourse } from '../helpers/content';
import { addLearner } from '../helpers/learners';
import { tabTo } from '../helpers/pages';
import { firstSentenceBottom, headerHeight, MAX_HEADER_HEIGHT, PHONE } from '../helpers/phone';
import { inGroups } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { prefix, t, type Lang } from '../helpers/ui';

// The learner app's header on a cheap phone (docs/accessibility.md, "The header and its menu"): at
// most a fifth of a 360×640 screen on every kind of learner page in both languages (pages.e2e.ts
// checks the same on every page), the learner and the language one tap away, and the menu that holds
// Help, Settings and Switch learner worked with the keyboard; without JavaScript the links show.

const LANGS = ['mn', 'en'] as const;
const url = (lang: Lang, path: string) => (lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path);
const representative = [
	'/',
	'/courses/meet-e-mongolia',
	'/courses/meet-e-mongolia/what-is-e-mongolia',
	'/settings',
	'/help',
	'/certificates',
	'/profile',
	'/glossary'
];

function header(page: Page, lang: Lang) {
	const banner = page.getByRole('banner');
	return {
		banner,
		menu: banner.getByRole('button', { name: t(lang, 'header_menu') }),
		help: banner.getByRole('link', { name: t(lang, 'a11y_help_link') }),
		settings: banner.getByRole('link', { name: t(lang, 'a11y_settings_link') }),
		switchLearner: banner.getByRole('button', { name: t(lang, 'profiles_switch') }),
		language: banner.getByRole('link', { name: t(lang, 'language_switch_to') }),
		learner: (name = LEARNER_NAME) => banner.getByRole('link', { name, exact: true })
	};
}

for (const lang of LANGS)
	test(`the header takes at most a fifth of a 360×640 screen (${lang})`, async ({ page }) => {
		await page.setViewportSize(PHONE);
		for (const path of representative)
			await test.step(path, async () => {
				await page.goto(url(lang, path));
				await learnerIsOpen(page);
				expect
					.soft(await headerHeight(page), `header height on ${url(lang, path)}`)
					.toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
			});
	});

test.describe('a long name', () => {
	test.use({ learner: false });

	test('a learner with a long name still fits in a fifth of the screen, in both languages', async ({
		page
	}) => {
		const name = 'Цэцэгсүрэн Батболд';
		await addLearner(page, '/', name);
		await page.setViewportSize(PHONE);
		for (const lang of LANGS) {
			await page.goto(url(lang, '/courses/meet-e-mongolia/what-is-e-mongolia'));
			await expect(header(page, lang).learner(name)).toBeVisible();
			expect.soft(await headerHeight(page), `header height (${lang})`).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
		}
	});
});

for (const lang of LANGS)
	test(`on a phone the menu opens and closes with the keyboard, and the learner and language stay in view (${lang})`, async ({
		page,
		learnerDevice
	}) => {
		await page.setViewportSize(PHONE);
		await page.goto(url(lang, '/'));
		await learnerIsOpen(page);
		const h = header(page, lang);

		await expect(h.learner()).toBeVisible();
		await expect(h.language).toBeVisible();
		await expect(h.menu).toHaveAttribute('aria-controls', 'site-menu');
		await expect(h.menu).toHaveAttribute('aria-expanded', 'false');
		await expect(h.settings).toBeHidden();

		await tabTo(page, h.menu);
		await page.keyboard.press('Enter');
		await expect(h.menu).toHaveAttribute('aria-expanded', 'true');
		// The menu's items come right after its button, in the order they show.
		for (const item of [h.help, h.settings, h.switchLearner]) {
			await page.keyboard.press('Tab');
			await expect(item).toBeFocused();
		}
		expect(await smallTargets(page), 'targets under 44×44 px with the menu open').toEqual([]);

		// Escape, from an item of the menu, closes it and returns to its button.
		await page.keyboard.press('Escape');
		await expect(h.menu).toHaveAttribute('aria-expanded', 'false');
		await expect(h.menu).toBeFocused();
		await expect(h.settings).toBeHidden();

		// Space opens it too; choosing a page goes there and closes the menu.
		await page.keyboard.press('Space');
		await expect(h.menu).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(h.settings).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(url(lang, '/settings'));
		await expect(h.menu).toHaveAttribute('aria-expanded', 'false');
		expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);

		// At 320 px with 200 % text the open menu still reflows, with full-size targets.
		await page.setViewportSize({ width: 320, height: 640 });
		await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES['200% text']);
		await h.menu.click();
		await expect(h.switchLearner).toBeVisible();
		expect(await horizontalOverflow(page), 'sideways scrolling with the menu open').toBeLessThanOrEqual(0);
		expect(await smallTargets(page), 'targets under 44×44 px at 200 % text').toEqual([]);
		await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES.default);
	});

test('on a wide screen the links show in the header, without a Menu button', async ({ page }) => {
	await page.goto('/en');
	await learnerIsOpen(page);
	const h = header(page, 'en');
	await expect(h.menu).toBeHidden();
	for (const item of [h.help, h.settings, h.switchLearner, h.language]) await expect(item).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ learner: false, javaScriptEnabled: false });

	test('the links show and are reached with the keyboard, in a header of the same height', async ({
		page
	}) => {
		await page.setViewportSize(PHONE);
		for (const lang of LANGS) {
			await page.goto(url(lang, '/'));
			const h = header(page, lang);
			await expect(h.menu).toBeHidden();
			await tabTo(page, h.help);
			await page.keyboard.press('Tab');
			await expect(h.settings).toBeFocused();
			await expect(h.language).toBeVisible();
			expect
				.soft(await headerHeight(page), `header height without JavaScript (${lang})`)
				.toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
		}
	});
});

// With a voice for both languages every step shows its read-aloud control: the most a first step
// has above its text (tests/routes/lesson-steps.e2e.ts checks it with an English voice only).
for (const lang of LANGS)
	for (const courses of inGroups(courseIds(), 3))
		test(`the first step of every lesson shows its heading and first sentence on a 360×640 phone: ${courses.join(', ')} (${lang})`, async ({
			page
		}) => {
			await fakeSpeech(page, [
				{ name: 'Hazel', lang: 'en-GB' },
				{ name: 'Yesui', lang: 'mn-MN' }
			]);
			await page.setViewportSize(PHONE);
			for (const course of courses.map(readCourse))
				for (const lesson of course.lessons)
					await test.step(lesson.id, async () => {
						await page.goto(`${prefix(lang)}/courses/${course.id}/${lesson.id}`);
						await learnerIsOpen(page);
						await expect(page.getByRole('group', { name: t(lang, 'a11y_read_aloud_group') })).toBeVisible();
						const { heading, sentence, text } = await firstSentenceBottom(page);
						expect.soft(heading, `${lesson.id}: the step's heading`).toBeLessThanOrEqual(PHONE.height);
						expect.soft(sentence, `${lesson.id}: "${text}"`).toBeLessThanOrEqual(PHONE.height);
					});
		});
