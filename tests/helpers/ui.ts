import { readFileSync } from 'node:fs';

/**
 * The app's interface strings, read from the same message files the app is built from
 * (project.inlang/settings.json lists them), so tests follow any rewording:
 * `t('en', 'player_next')` → "Next". The one place tests look up interface words.
 */
export type Lang = 'mn' | 'en';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;

function load(lang: Lang): Record<string, string> {
	const all: Record<string, string> = {};
	for (const pattern of patterns) {
		const file = JSON.parse(readFileSync(pattern.replace('{locale}', lang), 'utf8'));
		for (const [key, value] of Object.entries(file)) if (key !== '$schema') all[key] = String(value);
	}
	return all;
}

const messages: Record<Lang, Record<string, string>> = { mn: load('mn'), en: load('en') };

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
	const message = messages[lang][key];
	if (message === undefined) throw new Error(`No message "${key}" in messages/**/${lang}.json`);
	return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The language of a learner page's address. */
export const langOf = (path: string): Lang =>
	new URL(path, 'http://x').pathname.startsWith('/en') ? 'en' : 'mn';

/** The address prefix of a language: '' for Mongolian (the default), '/en' for English. */
export const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
