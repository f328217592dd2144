import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Reads every JSON file under `content/` and `messages/` from disk (for build-time checks and tests;
 * the app itself bundles content with import.meta.glob). Paths are relative to the project root.
 * The interface messages are read so that the terminology list (content/terms.json) checks them too.
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
	if (existsSync(join(root, 'messages'))) walk(join(root, 'messages'));
	return files;
}

/** Whether a public asset path like `/images/x.svg` exists under `static/`. */
export function staticAssetExists(path: string, root = process.cwd()): boolean {
	return existsSync(join(root, 'static', path));
}
