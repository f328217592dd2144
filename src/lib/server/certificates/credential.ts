import type { Locale } from '$lib/i18n/locale';

export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

export interface CredentialInput {
	certificateId: string;
	issuerUrl: string;
	issuerName: string;
	learner: { id: string; name: string };
	course: { id: string; version: number; title: string; description: string };
	completedAt: string;
	issuedAt: string;
	locale: Locale;
}

/**
 * An Open Badges 3.0 OpenBadgeCredential (W3C VC data model 2.0). Only the learner's chosen display
 * name and random learner id are in it: nothing else about the learner ever leaves the device.
 */
export function buildCredential(input: CredentialInput) {
	const { certificateId, issuerUrl, learner, course } = input;
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: `urn:uuid:${certificateId}`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: course.title,
		issuer: { id: issuerUrl, type: ['Profile'], name: input.issuerName, url: issuerUrl },
		validFrom: input.issuedAt,
		credentialSubject: {
			id: `urn:uuid:${learner.id}`,
			type: ['AchievementSubject'],
			identifier: [
				{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name }
			],
			activityEndDate: input.completedAt,
			achievement: {
				id: `${issuerUrl}/achievements/${course.id}/v${course.version}`,
				type: ['Achievement'],
				achievementType: 'Course',
				name: course.title,
				description: course.description,
				inLanguage: input.locale,
				criteria: {
					narrative:
						input.locale === 'mn'
							? 'Алхам апп дахь энэ сургалтын бүх хичээлийг дуусгасан.'
							: 'Completed every lesson of this course in the Alkham app.'
				}
			}
		}
	};
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;
