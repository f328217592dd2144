import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { readCourse } from './content';

/**
 * The narration API mocked for the learner's side (docs/narration.md): a course's manifest and its
 * audio, a real four-second WebM/Opus file (tests/media/narration/tone-4s.webm, 9 KB).
 */
const AUDIO = readFileSync('tests/media/narration/tone-4s.webm');
export const course = readCourse('meet-e-mongolia');
export const lesson = course.lessons.find((l: { id: string }) => l.id === 'what-is-e-mongolia')!;

/** The narration API for one course and language, with `steps` of the lesson narrated; the requests it saw. */
export async function serveNarration(page: Page | BrowserContext, locale: 'mn' | 'en', steps: number[]) {
	const seen: string[] = [];
	const files = steps.map((step) => ({
		lessonId: lesson.id,
		step,
		url: `/api/v1/narration/audio/${locale}-${step}`,
		type: 'audio/webm',
		bytes: AUDIO.length,
		durationMs: 4000
	}));
	await page.route(`**/api/v1/narration/${course.id}/${locale}`, (route) => {
		seen.push(new URL(route.request().url()).pathname);
		return route.fulfill({
			json: { courseId: course.id, locale, files, bytes: files.length * AUDIO.length },
			headers: { 'Cache-Control': 'no-cache' }
		});
	});
	await page.route('**/api/v1/narration/audio/*', (route) => {
		seen.push(new URL(route.request().url()).pathname);
		return route.fulfill({ body: AUDIO, contentType: 'audio/webm' });
	});
	return seen;
}

/** Keeps every audio element the page plays, to look at it (the reader's element is not in the page). */
export async function watchAudio(page: Page | BrowserContext) {
	await page.addInitScript(() => {
		const played: HTMLMediaElement[] = ((window as unknown as { __played: HTMLMediaElement[] }).__played =
			[]);
		const play = HTMLMediaElement.prototype.play;
		HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
			played.push(this);
			return play.call(this);
		};
	});
}

export const lastAudio = (page: Page) =>
	page.evaluate(() => {
		const audio = (window as unknown as { __played: HTMLMediaElement[] }).__played.at(-1);
		return audio
			? { src: audio.src, paused: audio.paused, time: audio.currentTime, rate: audio.playbackRate }
			: undefined;
	});
