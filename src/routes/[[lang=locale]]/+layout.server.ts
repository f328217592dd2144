// Every learner page is prerendered: it is a static file the service worker precaches, so the
// whole catalogue opens with no network after the first visit.
export const prerender = true;
