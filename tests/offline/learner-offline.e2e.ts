import { test, expect, LEARNER_NAME } from '../fixtures';
import { readCourse } from '../helpers/content';
import { completeLesson } from '../helpers/lessons';
import { waitForOfflineReady } from '../helpers/pages';
import { prerenderedRoutes } from '../helpers/routes';
import { langOf, prefix } from '../helpers/ui';

// With the service worker on: after the first visit, a device with a learner works with no network.

const course = readCourse('meet-e-mongolia');

test('works offline after the first visit: pages open and a lesson can be completed', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	// Its own server HTML, rebuilt by the worker from the precached pack of every page
	// (src/lib/pwa/offline-pages.js): the heading already in it, and no script preloads before the first
	// paint (they slowed it; src/lib/server/http/paint-first.ts).
	const kept = await response?.text();
	expect(kept).toMatch(/<h1[\s>]/);
	// With the server's security headers, as the page has online.
	expect(response?.headers()['x-frame-options']).toBe('DENY');
	expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(kept).not.toMatch(/<link\b[^>]*\brel="modulepreload"/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Its scripts still run: the header names the open learner, which only the app can know.
	await expect(page.getByRole('banner').getByRole('link', { name: LEARNER_NAME, exact: true })).toBeVisible();
	// A page never opened online, reached by following links.
	await page.getByRole('link', { name: course.title.mn }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title.mn);
	const lesson = course.lessons.at(-1)!;
	const direct = await page.goto(`/en/courses/${course.id}/${lesson.id}`);
	expect(direct?.fromServiceWorker()).toBe(true);
	// Never opened, typed in: from the pack too, the heading already in it, in the page's language; and
	// the app runs on it.
	expect(await direct?.text()).toMatch(/<h1[\s>]/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await completeLesson(page, lesson, 'en');
	// Should the pack be gone (an install cut short), the precached app shell, which has no heading of its
	// own, still renders a page never opened, in its language.
	await page.evaluate(async () => {
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys())
				if (new URL(request.url).pathname.startsWith('/offline-pages/')) await cache.delete(request);
		}
	});
	const other = course.lessons.at(-2)!;
	const fromShell = await page.goto(`/en/courses/${course.id}/${other.id}`);
	expect(fromShell?.fromServiceWorker()).toBe(true);
	expect(await fromShell?.text()).not.toMatch(/<h1[\s>]/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
	// Server pages are never answered from the cache: offline they fail as any website would.
	await expect(page.goto('/teach')).rejects.toThrow();
});

// Every learner page, typed into the address bar with the network off: the service worker answers
// it from its own HTML, and the page renders in its language with its heading. In groups of pages, run in parallel.
const GROUP = 15;
const groups = (['mn', 'en'] as const).flatMap((lang) => {
	const routes = prerenderedRoutes().filter((route) => langOf(route) === lang);
	return Array.from({ length: Math.ceil(routes.length / GROUP) }, (_, i) => ({
		lang,
		routes: routes.slice(i * GROUP, (i + 1) * GROUP)
	}));
});

for (const { lang, routes } of groups) {
	test(`learner pages open offline: ${routes[0]} … ${routes.at(-1)}`, async ({ page, context }) => {
		await page.goto(prefix(lang) || '/');
		await waitForOfflineReady(page);
		await context.setOffline(true);
		for (const route of routes) {
			const response = await page.goto(route);
			expect(response?.fromServiceWorker(), `${route} from the service worker`).toBe(true);
			// Its own HTML, rebuilt from the pack (src/lib/pwa/offline-pages.js), not the app shell.
			expect(await response?.text(), `${route} from its own HTML`).toMatch(/<h1[\s>]/);
			await expect(page.locator('html'), route).toHaveAttribute('lang', lang);
			await expect(page.locator('h1'), route).toHaveCount(1);
			await expect(page.locator('h1'), route).not.toBeEmpty();
		}
	});
}
