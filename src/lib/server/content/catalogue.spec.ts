import { describe, expect, test } from 'vitest';
import { readContentFiles, staticAssetExists } from '$lib/content/content-files';
import { buildCatalogue } from '$lib/content/validate';
import { LOCALES } from '$lib/i18n/locale';
import { simulationSchemas } from '$lib/simulations/schemas';
import { courses } from './catalogue';

describe('content in the repository', () => {
	test('is valid, with every picture and recording present', () => {
		const checked = buildCatalogue(readContentFiles(), {
			simulations: simulationSchemas,
			assetExists: (p) => staticAssetExists(p)
		});
		expect(checked.length).toBeGreaterThan(0);
		for (const course of checked) for (const locale of LOCALES) expect(course.title[locale]).not.toBe('');
	});

	test('is the catalogue the server bundles', () => {
		expect(courses.map((c) => c.id)).toEqual(
			buildCatalogue(readContentFiles(), { simulations: simulationSchemas }).map((c) => c.id)
		);
	});
});
