/** A certificate received with a class's code, as the class page needs it. */
export interface ClassCertificate {
	id: string;
	learnerId: string;
	learnerName: string;
	courseId: string;
	completedAt: Date;
	issuedAt: Date;
	status: string;
	confirmedAt: Date | null;
}

export interface RosterLearner {
	learnerId: string;
	/** The display name on the learner's latest certificate. */
	name: string;
	/** When this learner's device last delivered a certificate. */
	lastSyncAt: Date;
	/** One entry per course of the catalogue, in catalogue order; `certificate` is null for none yet. */
	courses: { courseId: string; certificate: ClassCertificate | null }[];
}

/**
 * The class's learners, derived from the certificates that came with its code: one row per learner
 * (by the random learner id, so two learners with the same name stay apart), sorted by name.
 */
export function buildRoster(
	certificates: readonly ClassCertificate[],
	courseIds: readonly string[]
): RosterLearner[] {
	const byLearner = new Map<string, ClassCertificate[]>();
	for (const certificate of certificates) {
		const list = byLearner.get(certificate.learnerId) ?? [];
		list.push(certificate);
		byLearner.set(certificate.learnerId, list);
	}
	const learners = [...byLearner].map(([learnerId, list]) => {
		const latest = list.reduce((a, b) => (b.issuedAt > a.issuedAt ? b : a));
		return {
			learnerId,
			name: latest.learnerName,
			lastSyncAt: latest.issuedAt,
			courses: courseIds.map((courseId) => ({
				courseId,
				// The first certificate for a course counts; a device issues only one per course anyway.
				certificate:
					list
						.filter((c) => c.courseId === courseId)
						.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime())[0] ?? null
			}))
		};
	});
	return learners.sort(
		(a, b) => a.name.localeCompare(b.name, 'mn') || a.learnerId.localeCompare(b.learnerId)
	);
}
