import type { Page } from '@playwright/test';

/** The localStorage key of the device's last-used settings (src/lib/a11y/device-mirror.ts). */
export const MIRROR_KEY = 'alkham.a11y.device';

export type Mode = 'default' | 'high contrast' | 'dark' | 'high contrast dark' | '200% text';

export const MODE_PREFERENCES: Record<Mode, Record<string, unknown>> = {
	default: {},
	'high contrast': { highContrast: true, theme: 'light' },
	dark: { theme: 'dark' },
	'high contrast dark': { highContrast: true, theme: 'dark' },
	'200% text': { textSize: 200 }
};

/** Makes the device's last-used settings these, before any page script runs (as a returning device). */
export async function useDeviceSettings(page: Page, preferences: Record<string, unknown>) {
	await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
		MIRROR_KEY,
		JSON.stringify({ preferences })
	] as const);
}

/**
 * Waits until `preferences` are applied on <html>. With `resend` (a settings-mirror key and value),
 * each poll that finds them not yet applied sends that change again as another tab would.
 */
function waitUntilApplied(
	page: Page,
	preferences: Record<string, unknown>,
	resend: readonly [string, string] | null = null
) {
	return page.waitForFunction(
		({ p, resend }) => {
			const html = document.documentElement;
			const applied =
				(html.dataset.textSize ?? '100') === String(p.textSize ?? 100) &&
				html.classList.contains('a11y-contrast') === Boolean(p.highContrast) &&
				html.classList.contains('a11y-dark') === (p.theme === 'dark');
			if (applied || !resend) return applied;
			const [key, value] = resend;
			localStorage.setItem(key, value);
			window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
			return false;
		},
		{ p: preferences, resend },
		{ polling: 100 }
	);
}

/** Waits until the settings are applied on <html> (after hydration). */
export async function settingsApplied(page: Page, preferences: Record<string, unknown>) {
	await waitUntilApplied(page, preferences);
}

export interface FakeVoice {
	name: string;
	lang: string;
	localService?: boolean;
}

/**
 * Replaces speech synthesis with a recorder: the page sees `voices`, and every utterance it speaks
 * lands in `window.__speech.spoken` (text, lang, voice, rate). Nothing ends by itself;
 * `window.__speech.finish()` ends everything queued, as if reading had finished.
 */
export async function fakeSpeech(page: Page, voices: FakeVoice[]) {
	await page.addInitScript((voices) => {
		type Utterance = {
			text: string;
			lang: string;
			voice: { name: string } | null;
			rate: number;
			onend: (() => void) | null;
			onerror: ((e: { error: string }) => void) | null;
		};
		const list = voices.map((v) => ({
			name: v.name,
			lang: v.lang,
			localService: v.localService ?? true,
			default: false,
			voiceURI: v.name
		}));
		let queue: Utterance[] = [];
		const record = {
			spoken: [] as { text: string; lang: string; voice?: string; rate: number }[],
			calls: [] as string[],
			finish() {
				const done = queue;
				queue = [];
				for (const u of done) u.onend?.();
			}
		};
		class FakeUtterance {
			text: string;
			lang = '';
			voice = null;
			rate = 1;
			onend = null;
			onerror = null;
			constructor(text: string) {
				this.text = text;
			}
		}
		const synth = Object.assign(new EventTarget(), {
			speaking: false,
			paused: false,
			pending: false,
			getVoices: () => list,
			speak(u: Utterance) {
				record.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name, rate: u.rate });
				queue.push(u);
			},
			cancel() {
				record.calls.push('cancel');
				const dropped = queue;
				queue = [];
				for (const u of dropped) u.onerror?.({ error: 'canceled' });
			},
			pause() {
				record.calls.push('pause');
			},
			resume() {
				record.calls.push('resume');
			}
		});
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
		Object.defineProperty(window, '__speech', { value: record, configurable: true });
	}, voices);
}

/** What the page has spoken so far. */
export function spoken(page: Page) {
	return page.evaluate(
		() =>
			(
				window as unknown as {
					__speech: { spoken: { text: string; lang: string; voice?: string; rate: number }[] };
				}
			).__speech.spoken
	);
}

/** The WCAG 1.4.12 text-spacing bookmarklet's values, forced on every element. */
export const TEXT_SPACING_CSS = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
`;

/**
 * Elements whose content no longer fits and is cut off (overflow hidden or clipped), the loss the
 * text-spacing test looks for. Visually hidden helpers are exempt: they clip on purpose.
 */
export async function clippedElements(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			// Visually hidden text (the class, SvelteKit's route announcer) clips on purpose.
			if (el.closest('.visually-hidden, #svelte-announcer')) continue;
			const style = getComputedStyle(el);
			const clipsX = ['hidden', 'clip'].includes(style.overflowX);
			const clipsY = ['hidden', 'clip'].includes(style.overflowY);
			if (!clipsX && !clipsY) continue;
			if (
				(clipsX && el.scrollWidth > el.clientWidth + 1) ||
				(clipsY && el.scrollHeight > el.clientHeight + 1)
			)
				out.push(
					`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`
				);
		}
		return out;
	});
}

/** How far the page scrolls sideways (0 when it reflows). */
export function horizontalOverflow(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Changes the open learner's settings on a page that is already open, the way the app follows a
 * change made in another tab of the same device (the `storage` event on the settings mirror), so
 * one visit can be checked in several modes. The app only follows a change for the learner open in
 * the tab, so the event is sent again until the page shows the settings.
 */
export async function switchSettings(page: Page, profileId: string, preferences: Record<string, unknown>) {
	await waitUntilApplied(page, preferences, [MIRROR_KEY, JSON.stringify({ preferences, profileId })]);
}
