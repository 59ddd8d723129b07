/**
 * Where the facilitator's slider starts: small, precise groups rather than big vague ones.
 * On its own so that a page can show the slider without loading the engine (suggest-groups.ts).
 */
export const DEFAULT_THRESHOLD = 0.2;
