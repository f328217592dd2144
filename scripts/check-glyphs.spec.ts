import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
	checkJson,
	checkProject,
	checkSource,
	describe as describeChar,
	unexpectedCharacters
} from './check-glyphs.js';

describe('unexpectedCharacters', () => {
	test('allows Mongolian Cyrillic, digits, the tögrög, № and typographic punctuation', () => {
		expect(unexpectedCharacters('Өө Үү АБВ abc 0123 № 5 000₮ – — ‘’ “” … • « » · ×')).toEqual([]);
	});

	test('names a full-width plus, symbols, arrows and emoji, each once', () => {
		expect(unexpectedCharacters('＋ ✓ ★ ← ⇄ ✓ 🔒')).toEqual(['＋', '✓', '★', '←', '⇄', '🔒']);
		expect(describeChar('＋')).toBe('U+FF0B "＋"');
		expect(describeChar('🔒')).toBe('U+1F512 "🔒"');
	});
});

describe('checkJson', () => {
	test('names the key of a message', () => {
		const text = JSON.stringify({ nav_home: 'Нүүр', profiles_welcome_create: '＋ Профайл үүсгэх' });
		expect(checkJson('messages/mn.json', text)).toEqual([
			{ file: 'messages/mn.json', where: 'profiles_welcome_create', chars: ['＋'] }
		]);
	});

	test('names the path of a lesson text', () => {
		const lesson = { steps: [{ title: { mn: 'Алхам', en: 'Step' } }, { body: [{ mn: 'За ✓', en: 'OK' }] }] };
		expect(checkJson('content/x.json', JSON.stringify(lesson))).toEqual([
			{ file: 'content/x.json', where: 'steps[1].body[0].mn', chars: ['✓'] }
		]);
	});
});

describe('checkSource', () => {
	test('reads text and scripts, not comments, and gives the line', () => {
		const source = [
			'<!-- was "←" -->',
			'<script>',
			'	// → in a comment',
			"	const home = 'https://e-mongolia.mn'; /* ✓ */",
			'</script>',
			'<button><span aria-hidden="true">＋</span> Нэмэх</button>'
		].join('\n');
		expect(checkSource('src/x.svelte', source)).toEqual([
			{ file: 'src/x.svelte', where: 'line 6', chars: ['＋'] }
		]);
	});
});

describe('checkProject', () => {
	let root = '';
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function write(path: string, text: string) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}

	test('fails on a planted "＋", naming file and key, and ignores specs and generated messages', () => {
		root = mkdtempSync(join(tmpdir(), 'glyphs-'));
		write('messages/mn.json', JSON.stringify({ profiles_welcome_create: '＋ Профайл үүсгэх' }));
		write('content/catalogue.json', JSON.stringify({ title: { mn: 'Сургалт', en: 'Course' } }));
		write('src/lib/x.spec.ts', "expect('✓')");
		write('src/lib/paraglide/messages.js', "'✓'");
		write('src/lib/Badge.svelte', '<p><span aria-hidden="true">✓</span> Дууссан</p>');
		expect(checkProject(root)).toEqual([
			{ file: 'messages/mn.json', where: 'profiles_welcome_create', chars: ['＋'] },
			{ file: 'src/lib/Badge.svelte', where: 'line 1', chars: ['✓'] }
		]);
	});

	test('finds nothing in this repository', () => {
		expect(checkProject(process.cwd())).toEqual([]);
	});
});
