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
