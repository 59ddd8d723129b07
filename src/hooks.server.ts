import { sequence } from '@sveltejs/kit/hooks';
import type { ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { handleAffinity } from '$lib/server/hooks/affinity';
import { handleBodyLimit } from '$lib/server/hooks/body-limit';
import { handleHeaders } from '$lib/server/hooks/headers';
import { handleI18n } from '$lib/server/hooks/i18n';
import { handleSession } from '$lib/server/hooks/session';

/** Opens the database, applies migrations and seeds the demo before the first request. */
export const init: ServerInit = async () => {
	await getApp();
};

export const handle = sequence(
	handleHeaders,
	handleI18n,
	handleAffinity,
	handleBodyLimit,
	handleSession
);
