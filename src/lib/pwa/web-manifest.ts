/**
 * The web app manifest: what a phone shows when Alkham is installed to the home screen.
 * Mongolian first, because Mongolian is the product's first language.
 */
export const webManifest = {
	id: '/',
	name: 'Алхам — e-Mongolia-г алхам алхмаар',
	short_name: 'Алхам',
	description:
		'e-Mongolia-г аюулгүй ашиглаж сурах үнэгүй сургалт. Интернетгүй үед ч ажиллана. / Learn to use e-Mongolia safely, step by step, even offline.',
	lang: 'mn',
	dir: 'ltr' as const,
	start_url: '/',
	scope: '/',
	display: 'standalone' as const,
	orientation: 'any' as const,
	theme_color: '#0b4f8a',
	background_color: '#ffffff',
	categories: ['education', 'government'],
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
	]
};
