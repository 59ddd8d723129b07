import { json } from '@sveltejs/kit';
import { errorText } from '$lib/errors';
import { workshopJson } from '$lib/server/services/api';
import { apiError } from '$lib/server/services/api';
import { importWorkshop } from '$lib/server/services/import';
import { importsPerAccount } from '$lib/server/services/limits';
import { IMPORT_BYTES_MAX, parseWorkshopFile } from '$lib/workshop/workshop-import';
import type { RequestHandler } from './$types';

const refusal = (status: number, error: string, path?: string) =>
	json(
		{ error, message: errorText(`error_${error}`), ...(path ? { path } : {}) },
		{ status, headers: { 'cache-control': 'no-store' } }
	);

/** The body as UTF-8 text, or why not: larger than `max` bytes, or not text. */
async function readCapped(request: Request, max: number): Promise<string | 413 | 400> {
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length > max) return 413;
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > max) {
				await reader.cancel();
				return 413;
			}
			chunks.push(value);
		}
	} catch (e) {
		// The adapter's own BODY_SIZE_LIMIT ends the stream with a 413 of its own.
		return (e as { status?: number }).status === 413 ? 413 : 400;
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		return 400;
	}
}

/**
 * Imports a workshop file (schema version 2, GET …/export.json) as a NEW workshop owned by the
 * signed-in account. Anything malformed or hostile: 400 (413 when too large) with an error
 * key, a message and the path of the first wrong field; nothing is created then. 413 also
 * when the board the file makes is too large to open and work on.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = locals.session?.user;
	if (!user) return apiError(401, 'unauthenticated');
	// Before the body is read: every attempt counts, a refused file too.
	if (!(await importsPerAccount.take(user.id))) return apiError(429, 'rate_limited');
	const text = await readCapped(request, IMPORT_BYTES_MAX);
	if (text === 413) return refusal(413, 'import_too_large');
	if (text === 400) return refusal(400, 'import_not_json');
	const parsed = parseWorkshopFile(text);
	if (!parsed.ok) return refusal(400, parsed.error, parsed.path);
	const imported = await importWorkshop(locals.app.db, user, parsed.file);
	if (!imported.ok) return refusal(413, imported.error);
	return json({ workshop: workshopJson(imported.workshop) }, { status: 201 });
};
