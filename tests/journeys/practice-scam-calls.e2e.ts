import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { expectNextBlocked, expectTargetsAndReflow, openPractice, pressButton } from '../helpers/practice';
import { t, type Lang } from '../helpers/ui';

interface Item {
	id: string;
	channel: 'sms' | 'chat' | 'call';
	scam: boolean;
	why: Record<Lang, string>;
}

/** The interface words this journey looks for, from the app's message files (tests/helpers/ui.ts). */
const ui = (lang: Lang) => ({
	next: t(lang, 'player_next_button'),
	hint: t(lang, 'practice_hint_label'),
	done: t(lang, 'practice_done'),
	real: t(lang, 'sim_inbox_real_button'),
	scam: t(lang, 'sim_inbox_scam_button'),
	title: t(lang, 'sim_inbox_title_calls'),
	channel: {
		sms: t(lang, 'sim_inbox_channel_sms'),
		chat: t(lang, 'sim_inbox_channel_chat'),
		call: t(lang, 'sim_inbox_channel_call')
	},
	callQuestion: t(lang, 'sim_inbox_choice_label_call'),
	allDone: t(lang, 'sim_inbox_all_done_calls')
});

// "Staying safe online" practises calls and chats from people pretending to be a bank, the police or
// e-Mongolia staff, with the inbox-sort copy: each call or chat is sorted as real or a scam, with the
// keyboard alone, in both languages. Calls are named calls, in words, beside their icon.
for (const lang of ['mn', 'en'] as const)
	test(`sorts pretend calls and chats into real ones and scams with the keyboard alone (${lang})`, async ({
		page
	}) => {
		const { params, title, next } = await openPractice(
			page,
			lang,
			'staying-safe-online',
			'fake-calls',
			'inbox-sort'
		);
		await learnerIsOpen(page);
		const items = (params as { messages: Item[] }).messages;
		const practice = page.locator('.practice');
		await expect(practice.getByRole('heading', { name: ui(lang).title })).toBeVisible();
		await expectNoAxeViolations(page, `scam calls start (${lang})`);
		await expectNextBlocked(page, lang, title);

		for (const [i, item] of items.entries()) {
			const li = practice.locator('.inbox > li').nth(i);
			await expect(li.locator('.channel')).toHaveText(ui(lang).channel[item.channel]);
			if (item.channel === 'call')
				// Screen readers hear the buttons' group as a question about this call.
				await expect(li.getByRole('group')).toHaveAccessibleName(
					new RegExp(ui(lang).callQuestion.replace('?', '\\?'))
				);
			const right = item.scam ? ui(lang).scam : ui(lang).real;
			const wrong = item.scam ? ui(lang).real : ui(lang).scam;
			if (i === 0) {
				await pressButton(page, li.getByRole('button', { name: wrong, exact: true }));
				await expect(practice.getByRole('status')).toContainText(ui(lang).hint);
				// The explanation stays beside the call, in words, not only in the live region.
				await expect(li.locator('.why')).toContainText(item.why[lang]);
				await expectNoAxeViolations(page, `scam calls after a wrong try (${lang})`);
				await expectTargetsAndReflow(page, `scam calls after a wrong try (${lang})`);
			}
			await pressButton(page, li.getByRole('button', { name: right, exact: true }));
			await expect(li.locator('.verdict')).toContainText(item.why[lang]);
			// Keyboard users continue at the next item still to sort.
			if (i < items.length - 1)
				await expect(
					practice
						.locator('.inbox > li')
						.nth(i + 1)
						.locator('h4')
				).toBeFocused();
		}
		await expect(practice.getByRole('status')).toContainText(ui(lang).done);
		await expect(practice.getByRole('status')).toContainText(ui(lang).allDone);
		await expect(practice.locator('.count')).toContainText(String(items.length));
		await expectNoAxeViolations(page, `scam calls done (${lang})`);
		await expectTargetsAndReflow(page, `scam calls done (${lang})`);
		await pressButton(page, page.getByRole('button', { name: ui(lang).next, exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});
