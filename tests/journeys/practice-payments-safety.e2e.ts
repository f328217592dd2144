import { type Locator, type Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { readCourse } from '../helpers/content';
import { tabTo } from '../helpers/pages';
import { smallTargets } from '../helpers/targets';
import { t, type Lang } from '../helpers/ui';

type Text = Record<Lang, string>;
interface Invoice {
	expectedPayee: Text;
	payee: Text;
}
interface InboxMessage {
	id: string;
	scam: boolean;
}

/** The interface words these journeys look for, from the app's message files (tests/helpers/ui.ts). */
const ui = (lang: Lang) => ({
	next: t(lang, 'player_next_button'),
	practiceFirst: t(lang, 'player_practice_first'),
	hint: t(lang, 'practice_hint_label'),
	done: t(lang, 'practice_done'),
	scan: t(lang, 'sim_qpay_scan_button'),
	pay: t(lang, 'sim_qpay_pay_button'),
	cancel: t(lang, 'sim_qpay_cancel_button'),
	real: t(lang, 'sim_inbox_real_button'),
	scam: t(lang, 'sim_inbox_scam_button')
});

const courses = ['family-everyday', 'payments-receipts', 'staying-safe-online'].map(readCourse);
const url = (lang: Lang, courseId: string, lessonId: string, step: number) =>
	`${lang === 'en' ? '/en' : ''}/courses/${courseId}/${lessonId}#step-${step}`;

/** Opens a lesson at its practice step and returns the practice's params. */
async function openPractice(page: Page, lang: Lang, courseId: string, lessonId: string, simulation: string) {
	const lesson = courses.find((c) => c.id === courseId)!.lessons.find((l) => l.id === lessonId)!;
	const index = lesson.steps.findIndex((s) => s.simulation === simulation);
	await page.goto(url(lang, courseId, lessonId, index + 1));
	await expect(page.locator('#step-heading')).toContainText(lesson.steps[index].title[lang]);
	return {
		params: lesson.steps[index].params as unknown,
		title: lesson.steps[index].title[lang],
		next: lesson.steps[index + 1]
	};
}

async function pressButton(page: Page, button: Locator) {
	await tabTo(page, button);
	await page.keyboard.press('Enter');
}

/** Every target is at least 44×44 px, and at 320 px width nothing scrolls sideways. */
async function expectTargetsAndReflow(page: Page, context: string) {
	expect(await smallTargets(page), `targets under 44×44 px: ${context}`).toEqual([]);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 320, height: 640 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `scrolls sideways at 320 px: ${context}`).toBeLessThanOrEqual(0);
	if (size) await page.setViewportSize(size);
}

/** "Next" is refused while the practice is unfinished, with a polite message. */
async function expectNextBlocked(page: Page, lang: Lang, title: string) {
	await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
	await expect(page.getByText(ui(lang).practiceFirst)).toBeVisible();
	await expect(page.locator('#step-heading')).toContainText(title);
}

for (const lang of ['mn', 'en'] as const) {
	test(`pays and refuses QPay invoices with the keyboard alone (${lang})`, async ({ page }) => {
		const { params, title, next } = await openPractice(
			page,
			lang,
			'payments-receipts',
			'paying-with-qpay',
			'qpay-invoice'
		);
		const invoices = (params as { invoices: Invoice[] }).invoices;
		const practice = page.locator('.practice');
		await expectNoAxeViolations(page, `qpay start (${lang})`);
		await expectNextBlocked(page, lang, title);

		for (const [i, invoice] of invoices.entries()) {
			await pressButton(page, practice.getByRole('button', { name: ui(lang).scan }));
			// Focus lands on the invoice that the scan filled in; payee and amount are shown in words.
			await expect(practice.locator('.invoice h4')).toBeFocused();
			await expect(practice.locator('.payee')).toHaveText(invoice.payee[lang]);
			await expect(practice.locator('.invoice')).toContainText('₮');
			const matches = invoice.payee[lang] === invoice.expectedPayee[lang];
			const right = matches ? ui(lang).pay : ui(lang).cancel;
			const wrong = matches ? ui(lang).cancel : ui(lang).pay;
			if (i === 0) {
				await pressButton(page, practice.getByRole('button', { name: wrong, exact: true }));
				await expect(practice.getByRole('status')).toContainText(ui(lang).hint);
				await expectNoAxeViolations(page, `qpay after a wrong try (${lang})`);
				await expectTargetsAndReflow(page, `qpay after a wrong try (${lang})`);
			}
			await pressButton(page, practice.getByRole('button', { name: right, exact: true }));
		}
		await expect(practice.getByRole('status')).toContainText(ui(lang).done);
		await expectNoAxeViolations(page, `qpay done (${lang})`);
		await expectTargetsAndReflow(page, `qpay done (${lang})`);
		await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});

	test(`sorts the inbox into real messages and scams with the keyboard alone (${lang})`, async ({ page }) => {
		const { params, title, next } = await openPractice(
			page,
			lang,
			'staying-safe-online',
			'fake-sms-links',
			'inbox-sort'
		);
		const messages = (params as { messages: InboxMessage[] }).messages;
		const practice = page.locator('.practice');
		await expectNoAxeViolations(page, `inbox start (${lang})`);
		await expectNextBlocked(page, lang, title);

		for (const [i, message] of messages.entries()) {
			const item = practice.locator('.inbox > li').nth(i);
			const right = message.scam ? ui(lang).scam : ui(lang).real;
			const wrong = message.scam ? ui(lang).real : ui(lang).scam;
			if (i === 0) {
				await pressButton(page, item.getByRole('button', { name: wrong, exact: true }));
				await expect(practice.getByRole('status')).toContainText(ui(lang).hint);
				// The explanation stays beside the message, in words, not only in the live region.
				await expect(item.locator('.why')).toBeVisible();
				await expectNoAxeViolations(page, `inbox after a wrong try (${lang})`);
				await expectTargetsAndReflow(page, `inbox after a wrong try (${lang})`);
			}
			await pressButton(page, item.getByRole('button', { name: right, exact: true }));
			await expect(item.locator('.verdict')).toBeVisible();
			// Keyboard users continue at the next message still to sort.
			if (i < messages.length - 1)
				await expect(
					practice
						.locator('.inbox > li')
						.nth(i + 1)
						.locator('h4')
				).toBeFocused();
		}
		await expect(practice.getByRole('status')).toContainText(ui(lang).done);
		await expect(practice.locator('.count')).toContainText(String(messages.length));
		await expectNoAxeViolations(page, `inbox done (${lang})`);
		await expectTargetsAndReflow(page, `inbox done (${lang})`);
		await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});
}

test('restarting the QPay practice starts again from the first invoice', async ({ page }) => {
	await openPractice(page, 'en', 'payments-receipts', 'paying-with-qpay', 'qpay-invoice');
	const practice = page.locator('.practice');
	await pressButton(page, practice.getByRole('button', { name: ui('en').scan }));
	await expect(practice.locator('.invoice')).toBeVisible();
	await pressButton(page, practice.getByRole('button', { name: 'Start the practice again' }));
	await expect(practice.locator('.invoice')).toHaveCount(0);
	await expect(practice.getByRole('button', { name: ui('en').scan })).toBeVisible();
});
