import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the floor every page must meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and fails with the violations listed. axe is put into
 * the page once per document (the pages have no frames) and run there: a page checked in several
 * modes, or a lesson whose steps change by their #step address, compiles it once. `soft` records a
 * failure and lets the test go on (for tests that check several pages).
 */
export async function expectNoAxeViolations(page: Page, context = '', { soft = false } = {}) {
	const present = await page.evaluate(
		() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'
	);
	if (!present) await page.evaluate(AXE_SOURCE);
	const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
	const results = await page.evaluate(
		(options) =>
			(window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResults> } }).axe.run(
				document,
				options
			),
		options
	);
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`
	);
	(soft ? expect.soft : expect)(summary, `axe violations ${context}`).toEqual([]);
}
