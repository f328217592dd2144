import { buildCatalogue } from '$lib/content/validate';
import type { Course, Lesson } from '$lib/content/types';
import { simulationSchemas } from '$lib/simulations/schemas';

// Bundled at build time from content/; validated on load, so a broken lesson fails the build.
// Assembled here, above both content and simulations, because checking a practice step needs its
// simulation's params schema (and the schemas never go to the browser).
const modules = import.meta.glob('/content/**/*.json', { eager: true, import: 'default' });
const files = Object.fromEntries(Object.entries(modules).map(([path, data]) => [path.slice(1), data]));

/** Every course, in catalogue order. */
export const courses: Course[] = buildCatalogue(files, { simulations: simulationSchemas });

export function findCourse(courseId: string): Course | undefined {
	return courses.find((c) => c.id === courseId);
}

export function findLesson(
	courseId: string,
	lessonId: string
): { course: Course; lesson: Lesson } | undefined {
	const course = findCourse(courseId);
	const lesson = course?.lessons.find((l) => l.id === lessonId);
	return course && lesson ? { course, lesson } : undefined;
}
