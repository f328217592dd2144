import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { t, type Lang } from '../helpers/ui';

// An address with no page: a 404 in the address's language, inside the learner frame, with a way on.
for (const [lang, path] of [
	['mn', '/courses/no-such-course'],
	['en', '/en/no-such-page']
] as [Lang, string][]) {
	test(`an unknown address answers 404 with a page in its language (${lang})`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('heading', { level: 1, name: t(lang, 'not_found_title') })).toBeVisible();
		await expect(page.getByText(t(lang, 'not_found_body'))).toBeVisible();
		await expect(page.locator('main a[href]').first()).toBeVisible();
		await expectNoAxeViolations(page, `404 (${lang})`);
	});
}
