import type { Page } from '@playwright/test';

/**
 * Interactive elements smaller than 44×44 CSS px. A control's target is the element itself or, for
 * an input inside a label, the label. Links inside running text are exempt (WCAG 2.5.5 "inline").
 */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
	return page.evaluate((min) => {
		const out: string[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]'
		);
		for (const el of controls) {
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden' || style.display === 'none') continue;
			if (el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
			const target = el.closest('label') ?? el;
			const inline =
				el.tagName === 'A' &&
				el.closest('p, li') &&
				el.parentElement &&
				el.parentElement.textContent!.trim() !== el.textContent!.trim();
			if (inline) continue;
			const box = target.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			if (box.width + 0.5 < min || box.height + 0.5 < min)
				out.push(
					`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				);
		}
		return out;
	}, min);
}
