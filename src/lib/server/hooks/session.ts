import type { Handle } from '@sveltejs/kit';
import { getApp } from '../app';
import { SESSION_COOKIE, validateSession } from '../services/sessions';

/** Puts the app and the browser session (if any) on `event.locals`. */
export const handleSession: Handle = async ({ event, resolve }) => {
	const app = await getApp();
	event.locals.app = app;
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.session = token ? await validateSession(app.db, token) : null;
	if (token && !event.locals.session) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};
