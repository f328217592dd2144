import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { expectNextBlocked, expectTargetsAndReflow, openPractice, pressButton } from '../helpers/practice';
import { t } from '../helpers/ui';

interface Choice {
	address: string;
	genuine: boolean;
	why: Record<'mn' | 'en', string>;
}

// "Family and everyday life" practises where to pay a traffic fine with the official-site copy: the
// learner refuses the look-alike addresses and picks the real one, with the keyboard alone, in both languages.
for (const lang of ['mn', 'en'] as const)
	test(`chooses the real address to pay a traffic fine with the keyboard alone (${lang})`, async ({
		page
	}) => {
		const { params, title, next } = await openPractice(
			page,
			lang,
			'family-everyday',
			'traffic-fine',
			'official-site'
		);
		const choices = (params as { choices: Choice[] }).choices;
		const practice = page.locator('.practice');
		const address = (a: string) => practice.locator(`button.address:has(code:text-is("${a}"))`);
		await expectNoAxeViolations(page, `traffic-fine practice start (${lang})`);
		await expectNextBlocked(page, lang, title);

		const wrong = choices.find((c) => !c.genuine)!;
		await pressButton(page, address(wrong.address));
		await expect(practice.getByRole('status')).toContainText(wrong.why[lang]);
		await expect(practice.getByRole('status')).toContainText(t(lang, 'practice_hint_label'));
		await expectNoAxeViolations(page, `traffic-fine practice after a wrong try (${lang})`);
		await expectTargetsAndReflow(page, `traffic-fine practice after a wrong try (${lang})`);

		const genuine = choices.find((c) => c.genuine)!;
		await pressButton(page, address(genuine.address));
		await expect(practice.getByRole('status')).toContainText(t(lang, 'practice_done'));
		await expect(practice.getByRole('status')).toContainText(genuine.why[lang]);
		await expectNoAxeViolations(page, `traffic-fine practice done (${lang})`);
		await expectTargetsAndReflow(page, `traffic-fine practice done (${lang})`);

		await pressButton(page, page.getByRole('button', { name: t(lang, 'player_next_button'), exact: true }));
		await expect(page.locator('#step-heading')).toContainText(next.title[lang]);
	});
