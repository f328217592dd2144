import type { staticLessonHtml as onServer } from './static-lesson-html';

/**
 * The browser's stand-in for static-lesson-html.ts (vite.config.ts swaps it in): the browser never
 * renders the static lesson, it adopts the server's (Lesson.svelte), and must not download Svelte's
 * server renderer to do so.
 */
export const staticLessonHtml: typeof onServer = () => '';
