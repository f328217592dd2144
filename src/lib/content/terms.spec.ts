import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { forbiddenTerms, messageStrings, TermsSchema, type TermEntry } from './terms';

const entries: TermEntry[] = v.parse(TermsSchema, {
	terms: [
		{ id: 'internet', preferred: { mn: 'интернэт', en: 'internet' }, forbidden: { mn: ['интернет'] } },
		{ id: 'date', preferred: { mn: 'сарын 1-нээс', en: 'since 1' }, forbidden: { mn: ['сарын 1-ээс'] } },
		{ id: 'one', preferred: { mn: '1-ийг дарна', en: 'press 1' }, forbidden: { mn: ['1 дарна'] } },
		{
			id: 'e-mongolia',
			preferred: { mn: 'e-Mongolia', en: 'e-Mongolia' },
			forbidden: { mn: ['E-Mongolia'], en: ['E-Mongolia'] },
			caseSensitive: true
		},
		{ id: 'lets', preferred: { mn: 'Шалгаж үзье', en: 'Let’s check' }, forbidden: { en: ['Let us'] } },
		{
			id: 'polite',
			preferred: { mn: 'бүү хэлээрэй', en: 'never tell' },
			forbidden: { mn: ['бүү хэл', 'нэвтэр'] },
			wholeWord: true
		}
	]
}).terms;

const variants = (text: string, lang: 'mn' | 'en') =>
	forbiddenTerms(text, lang, entries).map((f) => f.variant);

describe('forbiddenTerms', () => {
	test('finds a variant with a Mongolian ending after it', () => {
		expect(variants('Энэ хуудас интернетгүй ажиллана.', 'mn')).toEqual(['интернет']);
	});

	test('ignores case unless the entry says it matters', () => {
		expect(variants('Интернет хэрэгтэй.', 'mn')).toEqual(['интернет']);
		expect(variants('e-Mongolia-д нэвтэрнэ.', 'mn')).toEqual([]);
		expect(variants('E-Mongolia-тай танилцах', 'mn')).toEqual(['E-Mongolia']);
	});

	test('matches only where a word starts', () => {
		expect(variants('11 дарна.', 'mn')).toEqual([]);
		expect(variants('Оператортой ярих бол 1 дарна.', 'mn')).toEqual(['1 дарна']);
	});

	test('checks each language against its own variants', () => {
		expect(variants('Let us check', 'mn')).toEqual([]);
		expect(variants('Let us check', 'en')).toEqual(['Let us']);
	});

	test('reads glossary links as their shown words', () => {
		expect(variants('[[offline|Интернетгүй]] ажиллана.', 'mn')).toEqual(['интернет']);
	});

	test('matches a whole-word variant only as a whole word, outside quoted speech', () => {
		expect(variants('Кодоо хэнд ч бүү хэл.', 'mn')).toEqual(['бүү хэл']);
		expect(variants('Кодоо хэнд ч бүү хэлээрэй.', 'mn')).toEqual([]);
		expect(variants('Нэг удаагийн кодоор нэвтэр.', 'mn')).toEqual(['нэвтэр']);
		expect(variants('Найз тань «үүнийг уншуулаад нэвтэр» гэлээ.', 'mn')).toEqual([]);
		expect(variants('Тэр “бүү хэл” гэсэн.', 'mn')).toEqual([]);
	});

	test('accepts the preferred forms', () => {
		expect(variants('2021 оны 10-р сарын 1-нээс интернэтгүй, 1-ийг дарна.', 'mn')).toEqual([]);
	});
});

test('messageStrings yields every string of a message file with its key, skipping $schema', () => {
	const file = { $schema: 'x', a: 'A', b: [{ match: { 'n=1': 'one' } }] };
	expect([...messageStrings(file)]).toEqual([
		['a', 'A'],
		['b[0].match.n=1', 'one']
	]);
});
