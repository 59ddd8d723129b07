import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { errorText } from '$lib/errors';

/**
 * The most a request body may hold, but for a workshop file: every form and JSON request of the
 * app is a few KB. The process-wide BODY_SIZE_LIMIT (src/server.ts) must let an import through,
 * so without this every route would read and parse megabytes before it could refuse anything.
 */
export const BODY_BYTES_MAX = 64 * 1024;

/** The one route that takes a large body: it counts the body itself (readCapped, 8 MB). */
const largeBody = (event: RequestEvent) =>
	event.request.method === 'POST' && event.url.pathname === '/api/workshops/import';

const tooLarge = () =>
	json(
		{ error: 'body_too_large', message: errorText('error_body_too_large') },
		{ status: 413, headers: { 'cache-control': 'no-store', connection: 'close' } }
	);

/**
 * Refuses a body larger than its route's limit before any route reads it: by its
 * Content-Length, unread; a body sent without one (chunked) is counted while it streams in and
 * handed on whole when it fits.
 */
export const handleBodyLimit: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (!request.body || largeBody(event)) return resolve(event);
	const length = request.headers.get('content-length');
	if (length !== null) return Number(length) > BODY_BYTES_MAX ? tooLarge() : resolve(event);
	const body = await readUpTo(request.body, BODY_BYTES_MAX);
	if (body === null) return tooLarge();
	event.request = new Request(request, { body, duplex: 'half' } as RequestInit);
	return resolve(event);
};

/** The whole stream, or null (and the rest left unread) once it passes `max` bytes. */
async function readUpTo(stream: ReadableStream<Uint8Array>, max: number) {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch {
			return null;
		}
		if (chunk.done) return Buffer.concat(chunks);
		size += chunk.value.byteLength;
		if (size > max) return null;
		chunks.push(chunk.value);
	}
}
