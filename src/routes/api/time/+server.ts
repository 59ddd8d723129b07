import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The server's clock, for the step timer: the timer's end is a server time, and each client
 * estimates its own clock's offset from a few of these (src/lib/workshop/timer.ts). Public
 * and cheap: it says nothing but the time.
 */
export const GET: RequestHandler = () =>
	json({ now: Date.now() }, { headers: { 'cache-control': 'no-store' } });
