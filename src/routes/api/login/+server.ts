import { json } from '@sveltejs/kit';
import { logIn } from '$lib/server/services/accounts';
import { apiError, readJson } from '$lib/server/services/api';
import { loginAttempts } from '$lib/server/services/limits';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	// Before the body is read: a blocked address costs the server nothing more.
	if (await loginAttempts.blocked(event.getClientAddress())) return apiError(429, 'rate_limited');
	const result = await logIn(event, await readJson(event.request));
	if (!result.ok) return failureResponse(result);
	return json({ user: result.value });
};
