import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { expectNextBlocked, expectTargetsAndReflow, openPractice, pressButton } from '../helpers/practice';
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
