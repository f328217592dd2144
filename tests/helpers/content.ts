import { readFileSync } from 'node:fs';

type Text = { mn: string; en: string };
export interface StepData {
	type: 'read' | 'quiz' | 'practice' | 'summary';
	title: Text;
	mode?: 'single' | 'multiple';
	options?: { id: string; correct: boolean }[];
	simulation?: string;
	params?: { choices?: { id: string; genuine: boolean; address: string }[] };
}
export interface LessonData {
	id: string;
	title: Text;
	steps: StepData[];
}
export interface CourseData {
	id: string;
	title: Text;
	lessons: LessonData[];
}

/** Reads a course and its lessons from content/, as the app is built from them. */
export function readCourse(courseId: string): CourseData {
	const dir = `content/courses/${courseId}`;
	const course = JSON.parse(readFileSync(`${dir}/course.json`, 'utf8'));
	return {
		...course,
		lessons: course.lessons.map((id: string) => JSON.parse(readFileSync(`${dir}/lessons/${id}.json`, 'utf8')))
	};
}

/** Every course id in catalogue order. */
export function courseIds(): string[] {
	return JSON.parse(readFileSync('content/catalogue.json', 'utf8')).courses;
}
