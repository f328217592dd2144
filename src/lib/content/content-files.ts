import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Reads every JSON file under `content/` from disk (for build-time checks and tests; the app
 * itself bundles them with import.meta.glob). Paths are relative to the project root.
 */
export function readContentFiles(root = process.cwd()): Record<string, unknown> {
	const files: Record<string, unknown> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.json'))
				files[relative(root, path).split('\\').join('/')] = JSON.parse(readFileSync(path, 'utf8'));
		}
	};
	walk(join(root, 'content'));
	return files;
}

/** Whether a public asset path like `/images/x.svg` exists under `static/`. */
export function staticAssetExists(path: string, root = process.cwd()): boolean {
	return existsSync(join(root, 'static', path));
}
