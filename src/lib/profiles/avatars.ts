import { m } from '$lib/paraglide/messages';

/**
 * The pictures a learner can choose for their profile, and the nine used for picture secrets.
 * Each differs in outline, not only in colour, so learners with colour-blindness or low vision can
 * still tell them apart; each has a short name a screen reader reads.
 */
export const AVATARS = [
	'sun',
	'moon',
	'tree',
	'flower',
	'fish',
	'bird',
	'cat',
	'ger',
	'cup',
	'star',
	'mountain',
	'boat'
] as const;

export type AvatarId = (typeof AVATARS)[number];

/** The nine pictures a picture secret is made of (3 in order, repeats allowed). */
export const SECRET_PICTURES: readonly AvatarId[] = [
	'sun',
	'moon',
	'tree',
	'flower',
	'fish',
	'bird',
	'cat',
	'ger',
	'cup'
];

const names: Record<AvatarId, () => string> = {
	sun: m.profiles_picture_sun,
	moon: m.profiles_picture_moon,
	tree: m.profiles_picture_tree,
	flower: m.profiles_picture_flower,
	fish: m.profiles_picture_fish,
	bird: m.profiles_picture_bird,
	cat: m.profiles_picture_cat,
	ger: m.profiles_picture_ger,
	cup: m.profiles_picture_cup,
	star: m.profiles_picture_star,
	mountain: m.profiles_picture_mountain,
	boat: m.profiles_picture_boat
};

export function isAvatar(id: unknown): id is AvatarId {
	return typeof id === 'string' && (AVATARS as readonly string[]).includes(id);
}

/** The picture's name in the current language. */
export function avatarName(id: string): string {
	return isAvatar(id) ? names[id]() : m.profiles_picture_sun();
}

/** The first picture no other learner on the device uses, so new tiles are told apart at once. */
export function firstFreeAvatar(used: readonly string[]): AvatarId {
	return AVATARS.find((a) => !used.includes(a)) ?? AVATARS[used.length % AVATARS.length];
}
