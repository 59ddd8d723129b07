/** Roles per workshop. Observers read only; facilitators run the workshop. */
export const roles = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof roles)[number];
