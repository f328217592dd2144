import { describe, expect, it } from 'vitest';
import { buildRoster, type ClassCertificate } from './roster';

let n = 0;
function cert(overrides: Partial<ClassCertificate>): ClassCertificate {
	n++;
	return {
		id: `cert-${n}`,
		learnerId: 'learner-a',
		learnerName: 'Болд',
		courseId: 'course-1',
		completedAt: new Date('2026-11-20T10:00:00Z'),
		issuedAt: new Date('2026-11-20T10:05:00Z'),
		status: 'valid',
		confirmedAt: null,
		...overrides
	};
}

describe('class roster', () => {
	it('lists each learner once with every course, marking courses without a certificate', () => {
		const roster = buildRoster(
			[cert({ courseId: 'course-2' }), cert({ learnerId: 'learner-b', learnerName: 'Анар' })],
			['course-1', 'course-2', 'course-3']
		);
		expect(roster.map((l) => l.name)).toEqual(['Анар', 'Болд']);
		expect(roster[1].courses.map((c) => [c.courseId, c.certificate?.courseId ?? null])).toEqual([
			['course-1', null],
			['course-2', 'course-2'],
			['course-3', null]
		]);
	});

	it('takes the name and the last sync time from the latest certificate', () => {
		const [learner] = buildRoster(
			[
				cert({ learnerName: 'Болд', issuedAt: new Date('2026-11-20T10:00:00Z') }),
				cert({ courseId: 'course-2', learnerName: 'Бат-Болд', issuedAt: new Date('2026-11-22T08:00:00Z') })
			],
			['course-1', 'course-2']
		);
		expect(learner.name).toBe('Бат-Болд');
		expect(learner.lastSyncAt.toISOString()).toBe('2026-11-22T08:00:00.000Z');
	});

	it('keeps two learners with the same name apart', () => {
		const roster = buildRoster([cert({ learnerId: 'x' }), cert({ learnerId: 'y' })], ['course-1']);
		expect(roster).toHaveLength(2);
	});

	it('is empty for a class nobody has sent a certificate to yet', () => {
		expect(buildRoster([], ['course-1'])).toEqual([]);
	});
});
