/** Minutes without use before the idle lock returns to "Who is learning?"; 0 means off. */
export const DEFAULT_IDLE_MINUTES = 10;
/** What the device settings offer. */
export const IDLE_CHOICES = [0, 2, 5, 10, 15, 30] as const;
