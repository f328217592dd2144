import { test, expect } from '../fixtures';

test('serves the home page in Mongolian at / and in English at /en', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('e-Mongolia-г аюулгүй ашиглаж сурах');
	await page.goto('/en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn to use e-Mongolia safely');
});
