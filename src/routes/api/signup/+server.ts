import { json } from '@sveltejs/kit';
import { signUp } from '$lib/server/services/accounts';
import { apiError, readJson } from '$lib/server/services/api';
import { signupAttempts } from '$lib/server/services/limits';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** 202 whether or not the address had an account (see signUp); sign in with POST /api/login. */
export const POST: RequestHandler = async (event) => {
	// Before the body is read: a blocked address costs the server nothing more.
	if (await signupAttempts.blocked(event.getClientAddress())) return apiError(429, 'rate_limited');
	const result = await signUp(event, await readJson(event.request));
	if (!result.ok) return failureResponse(result);
	return json({ accepted: true }, { status: 202 });
};
