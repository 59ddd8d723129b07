/**
 * The WebSocket close code with which the server tells a browser that a facilitator removed
 * its member from the workshop (docs/realtime.md); the server's protocol.ts uses this one.
 */
export const CLOSE_REMOVED = 4410;
