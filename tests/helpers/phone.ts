import type { Page } from '@playwright/test';

/** A cheap Android phone's screen in CSS pixels (the issue "Instant and roomy on a cheap Android phone"). */
export const PHONE = { width: 360, height: 640 };

/** The most of a phone's screen the header may take: a fifth of its height (docs/performance.md). */
export const MAX_HEADER_HEIGHT = PHONE.height / 5;

/** The height of the page's header (its banner landmark), in CSS pixels. */
export function headerHeight(page: Page) {
	return page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().height);
}

/**
 * Where the open lesson step's heading and its first sentence end, in CSS pixels from the top of the
 * window (the page not scrolled): both at most the window's height means they show without
 * scrolling. The first sentence is the step's first text (a paragraph, or a quiz's question, with any
 * glossary links in it) up to its first full stop, question or exclamation mark, or to its end.
 */
export function firstSentenceBottom(page: Page) {
	return page.evaluate(() => {
		window.scrollTo(0, 0);
		const heading = document.getElementById('step-heading')!.getBoundingClientRect().bottom;
		const step = document.querySelector('.step')!;
		const hasText = (node: Node) => Boolean(node.textContent?.trim());
		// The first element of the step whose own text nodes hold words: a paragraph, a legend.
		const block = [...step.querySelectorAll('p, legend, li, h3')].find((el) =>
			[...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && hasText(n))
		)!;
		const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		range.setStart(block, 0);
		range.setEnd(block, block.childNodes.length);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const end = /[.?!](\s|$)/.exec(node.textContent!);
			if (end) {
				range.setEnd(node, end.index + 1);
				break;
			}
		}
		const bottom = Math.max(...[...range.getClientRects()].map((r) => r.bottom));
		return { heading, sentence: bottom, text: range.toString() };
	});
}
