/**
 * What the join page shows besides its form, loaded when there is something to show: what a check of
 * a code says and the class it found, and the class the learner is in (known once the device's data is
 * read). A first visit to the page downloads only the form.
 */
export { default as JoinCheckMessage } from './JoinCheckMessage.svelte';
export { default as FoundClass } from './FoundClass.svelte';
export { default as CurrentClass } from './CurrentClass.svelte';
