// The font-character check (run by `npm run test:budget`, part of `npm test`): every character of
// the interface's text must be one the fonts of a cheap phone or an old PC are sure to draw. A
// character a device has no glyph for shows as an empty box ("tofu"): "＋" (a CJK full-width plus)
// on "Create my profile" did on phones without CJK fonts. Icons are drawn instead
// (src/lib/components/icons); docs/accessibility.md ("Icons, and the characters the fonts must have") lists the set.
//
// Reads messages/**/*.json (each message by its key), content/**/*.json (each text by its path) and
// the text of src/**/*.{svelte,ts} (comments left out, by line), and names every character outside
// the set. Exits 1 when it finds one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What every font the app asks for or falls back to (Noto Sans, Segoe UI, Roboto, Helvetica Neue,
 * DejaVu Sans: app.css) draws: ranges of code points, each with why it is there.
 */
export const ALLOWED_RANGES = [
	[0x09, 0x0a, 'tab and line feed'],
	[0x0d, 0x0d, 'carriage return'],
	[0x20, 0x7e, 'Basic Latin: English, digits, ASCII punctuation'],
	[0xa0, 0xff, 'Latin-1 Supplement: no-break space, « » · × and accented letters'],
	[0x100, 0x17f, 'Latin Extended-A: names and words from other Latin alphabets'],
	[0x400, 0x4ff, 'Cyrillic, with the Mongolian Ө ө (U+04E8, U+04E9) and Ү ү (U+04AE, U+04AF)'],
	[0x2010, 0x2027, 'General Punctuation: dashes – —, quotes ‘ ’ “ ”, bullets • and the ellipsis …'],
	[0x202f, 0x202f, 'narrow no-break space (number and date formatting)'],
	[0x2030, 0x2030, 'per mille ‰'],
	[0x2032, 0x2033, 'primes ′ ″'],
	[0x2039, 0x203a, 'single angle quotes ‹ ›'],
	[0x20ac, 0x20ac, 'euro sign €'],
	[0x20ae, 0x20ae, 'tögrög sign ₮'],
	[0x2116, 0x2116, 'numero sign №']
];

/** Whether a font of the expected set draws `char` (one code point). */
export function isAllowed(char) {
	const code = char.codePointAt(0);
	return ALLOWED_RANGES.some(([from, to]) => code >= from && code <= to);
}

/** The characters of `text` outside the set, each once, in order. */
export function unexpectedCharacters(text) {
	return [...new Set([...text].filter((char) => !isAllowed(char)))];
}

/** `U+FF0B "＋"` for a report. */
export const describe = (char) =>
	`U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} "${char}"`;

/** Every string in a JSON value with its path (`steps[2].body.mn`), the first key as `key`. */
function* stringsOf(value, path = '') {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value))
		for (const [i, item] of value.entries()) yield* stringsOf(item, `${path}[${i}]`);
	else if (value && typeof value === 'object')
		for (const [key, item] of Object.entries(value)) yield* stringsOf(item, path ? `${path}.${key}` : key);
}

/**
 * Source text without comments, the lines kept in place: HTML comments, block comments and line
 * comments that start a line (a `//` inside a string, such as an address, is left alone).
 */
export function withoutComments(source) {
	const blank = (match) => match.replace(/[^\n]/g, ' ');
	return source
		.replace(/<!--[\s\S]*?-->/g, blank)
		.replace(/\/\*[\s\S]*?\*\//g, blank)
		.replace(/^\s*\/\/.*$/gm, blank);
}

/** Problems in one JSON file's strings (the path of each). */
export function checkJson(file, text) {
	const problems = [];
	for (const [path, value] of stringsOf(JSON.parse(text))) {
		const chars = unexpectedCharacters(value);
		if (chars.length) problems.push({ file, where: path, chars });
	}
	return problems;
}

/** Problems in one source file's text, by line. */
export function checkSource(file, text) {
	const problems = [];
	for (const [i, line] of withoutComments(text).split('\n').entries()) {
		const chars = unexpectedCharacters(line);
		if (chars.length) problems.push({ file, where: `line ${i + 1}`, chars });
	}
	return problems;
}

function walk(dir, keep) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
	});
}

/** Every problem in the project at `root`. */
export function checkProject(root) {
	const rel = (path) => relative(root, path).split(sep).join('/');
	const json = [
		...walk(join(root, 'messages'), (p) => p.endsWith('.json')),
		...walk(join(root, 'content'), (p) => p.endsWith('.json'))
	];
	const sources = walk(
		join(root, 'src'),
		(p) =>
			/\.(svelte|ts)$/.test(p) &&
			!/\.spec\.ts$/.test(p) &&
			// Generated messages (checked at their source), and inputs for tests that no learner sees.
			!/^src\/lib\/(paraglide|testing|server\/testing)\//.test(rel(p))
	);
	const problems = [
		...json.flatMap((f) => checkJson(rel(f), readFileSync(f, 'utf8'))),
		...sources.flatMap((f) => checkSource(rel(f), readFileSync(f, 'utf8')))
	];
	return problems.filter((p) => p.chars.length > 0);
}

function main() {
	const problems = checkProject(process.cwd());
	if (problems.length === 0) {
		console.log('Interface text uses only characters every expected font draws (docs/accessibility.md).');
		return;
	}
	console.error('✗ Characters a phone or PC font may not have (they show as empty boxes):');
	for (const p of problems) console.error(`  ${p.file}: ${p.where}: ${p.chars.map(describe).join(', ')}`);
	console.error(
		'Draw icons with src/lib/components/icons and keep the meaning in words; the allowed set is in scripts/check-glyphs.js.'
	);
	process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
