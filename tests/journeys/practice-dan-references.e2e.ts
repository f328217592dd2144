import { readFileSync } from 'node:fs';
import { type Locator } from '@playwright/test';
import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { readCourse } from '../helpers/content';
import { tabTo } from '../helpers/pages';
import { expectNextBlocked, expectTargetsAndReflow, openPractice, pressButton } from '../helpers/practice';
import { t, type Lang } from '../helpers/ui';

type Text = Record<Lang, string>;
interface DanParams {
	realAddress: string;
	fakeAddress: string;
	code: string;
	scamCode: string;
	fakeWhy: Text;
}
interface RefParams {
	services: { id: string; name: Text }[];
	target: string;
	document: { title: Text; fileName: string };
	otherFiles: string[];
}

// The practice copies' own words, from the curriculum messages, so these tests follow any rewording.
const say = (lang: Lang, key: string) => t(lang, `curriculum_${key}`);

/** The interface words these journeys look for, from the app's message files (tests/helpers/ui.ts). */
const ui = (lang: Lang) => ({
	next: t(lang, 'player_next_button'),
	practiceFirst: t(lang, 'player_practice_first'),
	hint: t(lang, 'practice_hint_label'),
	done: t(lang, 'practice_done')
});

const url = (lang: Lang, courseId: string, lessonId: string, step: number) =>
	`${lang === 'en' ? '/en' : ''}/courses/${courseId}/${lessonId}#step-${step}`;

/** Every practice state is labelled as a practice copy, not the real site. */
async function expectLabelled(practice: Locator, lang: Lang) {
	await expect(practice.locator(':scope > .label')).toHaveText(
		lang === 'mn' ? /жинхэнэ сайт биш/ : /not the real site/
	);
}

for (const lang of ['mn', 'en'] as const) {
	test(`logs in with a one-time code and refuses a fake site, keyboard only (${lang})`, async ({ page }) => {
		// A long journey with an axe pass over each of its seven states.
		test.setTimeout(120_000);
		const { params, title, next } = await openPractice(page, lang, 'logging-in-with-dan', 'one-time-code');
		const p = params as DanParams;
		const practice = page.locator('.practice');
		const status = practice.locator('.feedback');
		await expectLabelled(practice, lang);
		await expect(practice.locator('.address-bar')).toContainText(p.realAddress);
		await expectNoAxeViolations(page, `dan start (${lang})`);
		await expectNextBlocked(page, lang, title);

		// Another way of logging in: a gentle miss, then the hint.
		await pressButton(
			page,
			practice.getByRole('button', { name: say(lang, 'dan_method_bank'), exact: true })
		);
		await expect(status).toContainText(say(lang, 'dan_wrong_method'));
		await expect(status).toContainText(ui(lang).hint);
		await expectNoAxeViolations(page, `dan wrong method (${lang})`);
		await expectTargetsAndReflow(page, `dan wrong method (${lang})`);

		await pressButton(page, practice.getByRole('button', { name: say(lang, 'dan_method_otp'), exact: true }));
		// The code arrives on the simulated phone, and focus goes there so a screen reader reads it.
		const sms = practice.locator('.sms .bubble').last();
		await expect(sms).toBeFocused();
		await expect(sms).toContainText(p.code);
		await expect(status).toContainText(say(lang, 'dan_code_sent'));
		await expect(status).not.toContainText(ui(lang).hint);
		// The next Tab reaches the code field.
		await page.keyboard.press('Tab');
		await expect(practice.locator('#dan-code')).toBeFocused();
		await expectNoAxeViolations(page, `dan code sent (${lang})`);

		// Nothing typed: told what to do first, politely.
		await page.keyboard.press('Enter');
		await expect(practice.locator('#dan-code-error')).toHaveText(say(lang, 'dan_code_empty'));
		// A wrong code: the field is marked, the error is tied to it, and the hint appears.
		await page.keyboard.type('000000');
		await page.keyboard.press('Enter');
		await expect(practice.locator('#dan-code')).toHaveAttribute('aria-invalid', 'true');
		await expect(practice.locator('#dan-code')).toHaveAttribute('aria-describedby', /dan-code-error/);
		await expect(practice.locator('#dan-code-error')).toHaveText(say(lang, 'dan_code_wrong'));
		await expect(status).toContainText(ui(lang).hint);
		await expectNoAxeViolations(page, `dan wrong code (${lang})`);
		await expectTargetsAndReflow(page, `dan wrong code (${lang})`);

		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(`${p.code.slice(0, 3)} ${p.code.slice(3)}`);
		await page.keyboard.press('Enter');

		// A little later: the fake site, reached through a link in a scam message, asks for a new code.
		await expect(practice.locator('.scene h3')).toBeFocused();
		await expect(practice.locator('.scene h3')).toHaveText(say(lang, 'dan_later_heading'));
		await expect(practice.locator('.address-bar')).toContainText(p.fakeAddress);
		await expect(practice.locator('.sms .bubble').last()).toContainText(p.scamCode);
		await expect(status).not.toContainText(ui(lang).hint);
		await expectLabelled(practice, lang);
		await expectNoAxeViolations(page, `dan fake site (${lang})`);

		await tabTo(page, '#dan-fake-code');
		await page.keyboard.type(p.scamCode);
		await page.keyboard.press('Enter');
		await expect(status).toContainText(say(lang, 'dan_fake_typed'));
		await expect(status).toContainText(p.fakeWhy[lang]);
		await expect(status).toContainText(ui(lang).hint);
		await expectNoAxeViolations(page, `dan typed into fake (${lang})`);
		await expectTargetsAndReflow(page, `dan typed into fake (${lang})`);

		await pressButton(page, practice.getByRole('button', { name: say(lang, 'dan_fake_leave') }));
		await expect(status).toContainText(ui(lang).done);
		await expect(practice.locator('.closed')).toBeVisible();
		await expectLabelled(practice, lang);
		await expectNoAxeViolations(page, `dan done (${lang})`);
		await expectTargetsAndReflow(page, `dan done (${lang})`);
		await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});

	test(`finds, requests, saves and opens a reference, keyboard only (${lang})`, async ({ page }) => {
		// A long journey with an axe pass over each of its seven states.
		test.setTimeout(120_000);
		const { params, title, next } = await openPractice(page, lang, 'getting-references', 'address-reference');
		const p = params as RefParams;
		const wanted = p.services.find((s) => s.id === p.target)!;
		const other = p.services.find((s) => s.id !== p.target)!;
		const practice = page.locator('.practice');
		const status = practice.locator('.feedback');
		await expectLabelled(practice, lang);
		await expectNoAxeViolations(page, `reference start (${lang})`);
		await expectNextBlocked(page, lang, title);

		// The wrong service: a gentle miss that names the one wanted.
		await pressButton(page, practice.getByRole('button', { name: other.name[lang] }));
		await expect(status).toContainText(wanted.name[lang]);
		await expect(status).toContainText(ui(lang).hint);
		await expectNoAxeViolations(page, `reference wrong service (${lang})`);
		await expectTargetsAndReflow(page, `reference wrong service (${lang})`);

		// A search that finds nothing says so, in words.
		await tabTo(page, '#ref-search');
		await page.keyboard.type('zzz');
		await page.keyboard.press('Enter');
		await expect(practice.locator('.count')).toHaveText(
			say(lang, 'ref_no_results').replace('{query}', 'zzz')
		);
		await expect(practice.locator('.services li')).toHaveCount(0);
		await expectNoAxeViolations(page, `reference no results (${lang})`);

		// Searching by part of the service's name finds it.
		const word = wanted.name[lang].split(' ').at(-2)!.slice(0, 4);
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(word);
		await page.keyboard.press('Enter');
		await expect(practice.locator('.count')).toContainText('1');
		await expect(practice.locator('.services li')).toHaveCount(1);
		await pressButton(page, practice.getByRole('button', { name: wanted.name[lang] }));

		await expect(practice.locator('.site h4')).toBeFocused();
		await expect(practice.locator('.site h4')).toHaveText(wanted.name[lang]);
		await expectNoAxeViolations(page, `reference service page (${lang})`);
		await pressButton(page, practice.getByRole('button', { name: say(lang, 'ref_request_button') }));

		await expect(practice.locator('.site h4')).toBeFocused();
		await expect(practice.locator('.site h4')).toHaveText(say(lang, 'ref_ready_heading'));
		await expectNoAxeViolations(page, `reference ready (${lang})`);
		await pressButton(page, practice.getByRole('button', { name: say(lang, 'ref_save_button') }));

		await expect(practice.locator('.site h4')).toHaveText(say(lang, 'ref_downloads_heading'));
		await expect(practice.locator('.files li')).toHaveCount(1 + p.otherFiles.length);
		// Each "Open" button names its file to screen readers.
		const open = (file: string) =>
			practice.getByRole('button', {
				name: new RegExp(`^${say(lang, 'ref_open_button')}\\W+${file.replace('.', '\\.')}$`)
			});
		await pressButton(page, open(p.otherFiles[0]));
		await expect(status).toContainText(p.document.fileName);
		await expectNoAxeViolations(page, `reference wrong file (${lang})`);
		await expectTargetsAndReflow(page, `reference wrong file (${lang})`);
		await pressButton(page, open(p.document.fileName));

		const documentView = practice.locator('article.document');
		await expect(documentView.locator('h4')).toBeFocused();
		await expect(documentView.locator('h4')).toHaveText(p.document.title[lang]);
		await expect(documentView).toContainText(say(lang, 'ref_sample_label'));
		await expect(status).toContainText(ui(lang).done);
		await expectLabelled(practice, lang);
		await expectNoAxeViolations(page, `reference opened (${lang})`);
		await expectTargetsAndReflow(page, `reference opened (${lang})`);
		await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});
}

test('shows the answer after a few wrong tries, without scolding, and restarts from the beginning', async ({
	page
}) => {
	await openPractice(page, 'en', 'logging-in-with-dan', 'one-time-code');
	const practice = page.locator('.practice');
	const bank = practice.getByRole('button', { name: say('en', 'dan_method_bank'), exact: true });
	for (let i = 0; i < 3; i++) await pressButton(page, bank);
	await expect(practice.locator('.feedback')).toContainText(say('en', 'dan_answer_method'));
	await pressButton(page, practice.getByRole('button', { name: say('en', 'dan_method_otp'), exact: true }));
	await expect(practice.locator('#dan-code')).toBeVisible();
	await pressButton(page, practice.getByRole('button', { name: 'Start the practice again' }));
	await expect(practice.locator('#dan-code')).toHaveCount(0);
	await expect(practice.getByText(say('en', 'dan_phone_empty'))).toBeVisible();
	await expect(practice.locator('.feedback')).not.toContainText('Answer:');
});

test.describe('glossary', () => {
	const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as {
		terms: { id: string; term: Text; explanation: Text }[];
	};
	const total = glossary.terms.length;

	for (const lang of ['mn', 'en'] as const)
		test(`lists every term and filters them as the learner types (${lang})`, async ({ page }) => {
			await page.goto(lang === 'en' ? '/en/glossary' : '/glossary');
			await expect(page.locator('h1')).toHaveText(say(lang, 'glossary_title'));
			await expect(page.locator('.entry:visible')).toHaveCount(total);
			for (const term of glossary.terms)
				await expect(page.locator(`#${term.id}`)).toContainText(term.explanation[lang]);
			await expectNoAxeViolations(page, `glossary (${lang})`);

			const term = glossary.terms.find((t) => t.id === 'one-time-code')!;
			await tabTo(page, page.getByLabel(say(lang, 'glossary_search_label')));
			// Either language finds a term: the word seen on screen may be Mongolian on the English page.
			await page.keyboard.type(term.term.mn.slice(0, 6));
			await expect(page.locator('#one-time-code')).toBeVisible();
			await expect(page.locator('#log-in')).toBeHidden();
			const shown = await page.locator('.entry:visible').count();
			expect(shown).toBeLessThan(total);
			// The live region says how many are shown.
			await expect(page.locator('.count[role=status]')).toContainText(String(shown));
			await expectNoAxeViolations(page, `glossary filtered (${lang})`);

			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.type('qqqq');
			await expect(page.locator('.entry:visible')).toHaveCount(0);
			await expect(page.locator('.count[role=status]')).toContainText(
				say(lang, 'glossary_none').replace('{query}', 'qqqq')
			);
			await expectNoAxeViolations(page, `glossary nothing found (${lang})`);
			await expectTargetsAndReflow(page, `glossary nothing found (${lang})`);
			await pressButton(page, page.getByRole('button', { name: say(lang, 'glossary_show_all') }));
			await expect(page.locator('.entry:visible')).toHaveCount(total);
		});

	for (const lang of ['mn', 'en'] as const)
		test(`a word in a lesson opens its glossary entry (${lang})`, async ({ page }) => {
			const prefix = lang === 'en' ? '/en' : '';
			await page.goto(url(lang, 'logging-in-with-dan', 'one-time-code', 1));
			const link = page.locator('#main a.term[href$="#one-time-code"]').first();
			await expect(link).toHaveAttribute('href', `${prefix}/glossary#one-time-code`);
			await expectNoAxeViolations(page, `lesson with glossary links (${lang})`);
			await tabTo(page, link);
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(new RegExp(`${prefix}/glossary#one-time-code$`));
			await expect(page.locator('#one-time-code')).toBeInViewport();
			await expect(page.locator('#one-time-code dd')).toBeVisible();
		});

	test('every glossary link in the lessons names an entry on the glossary page', async ({ page }) => {
		const linked = new Set<string>();
		for (const course of JSON.parse(readFileSync('content/catalogue.json', 'utf8')).courses as string[])
			for (const lesson of readCourse(course).lessons)
				for (const match of JSON.stringify(lesson).matchAll(/\[\[([a-z0-9-]+)\|/g)) linked.add(match[1]);
		expect(linked.size).toBeGreaterThan(10);
		await page.goto('/glossary');
		const ids = await page.locator('.entry').evaluateAll((els) => els.map((e) => e.id));
		expect([...linked].filter((id) => !ids.includes(id))).toEqual([]);
	});

	test('the footer links to the glossary on every page', async ({ page }) => {
		await page.goto('/en/courses/meet-e-mongolia');
		await pressButton(
			page,
			page.locator('footer').getByRole('link', { name: say('en', 'glossary_footer_link') })
		);
		await expect(page).toHaveURL(/\/en\/glossary$/);
	});
});

test.describe('glossary without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows every term, and no search box that could not search', async ({ page }) => {
		await page.goto('/glossary');
		await expect(page.locator('.entry:visible')).toHaveCount(
			(JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { terms: unknown[] }).terms.length
		);
		// The box keeps its place for when the page is up, but nobody can see or reach it.
		await expect(page.locator('input[type=search]')).toBeHidden();
		await expect(page.getByRole('searchbox')).toHaveCount(0);
	});
});
