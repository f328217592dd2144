import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every prerendered learner page of the production build, as URL paths (both languages). */
export function prerenderedRoutes(buildDir = process.env.BUILD_DIR ?? 'build'): string[] {
	const root = join(buildDir, 'prerendered');
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.html')) {
				const route =
					'/' +
					relative(root, path)
						.split('\\')
						.join('/')
						.replace(/\.html$/, '');
				// The app shell is not a page: the service worker's start for every page (learner-pages.js).
				if (route !== '/app-shell') out.push(route === '/index' ? '/' : route);
			}
		}
	};
	walk(root);
	return out.sort();
}

/**
 * Splits `items` into groups of at most `size`, for tests that check several pages in one browser
 * context: every new context starts a browser process and compiles the app's code again, which on
 * a 2-core machine costs more than the checks themselves.
 */
export function inGroups<T>(items: T[], size: number): T[][] {
	return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
		items.slice(i * size, (i + 1) * size)
	);
}

/** A group's name: its first and last page. */
export const groupName = (routes: string[]) =>
	routes.length === 1 ? routes[0] : `${routes[0]} … ${routes.at(-1)} (${routes.length} pages)`;
