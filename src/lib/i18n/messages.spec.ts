import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// Every interface string exists in Mongolian and English: the product's first language is never
// missing a message, and English never falls back to Mongolian. The files are the ones Paraglide
// reads (project.inlang/settings.json), one pair per area of the app.
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

function messages(pattern: string, locale: string): Record<string, string> {
	const { $schema: _schema, ...rest } = JSON.parse(readFileSync(pattern.replace('{locale}', locale), 'utf8'));
	return rest;
}

describe.each(patterns)('messages in %s', (pattern) => {
	const mn = messages(pattern, 'mn');
	const en = messages(pattern, 'en');

	test('has the same keys in Mongolian and English', () => {
		expect(Object.keys(mn).sort()).toEqual(Object.keys(en).sort());
	});

	test('has no empty message in either language', () => {
		const empty = [...Object.entries(mn), ...Object.entries(en)]
			.filter(([, text]) => JSON.stringify(text).replace(/"/g, '').trim() === '')
			.map(([key]) => key);
		expect(empty).toEqual([]);
	});
});

test('no key is defined in two message files', () => {
	const seen = new Map<string, string>();
	for (const pattern of patterns) {
		for (const key of Object.keys(messages(pattern, 'mn'))) {
			expect(seen.get(key), `${key} in ${pattern}`).toBeUndefined();
			seen.set(key, pattern);
		}
	}
});
