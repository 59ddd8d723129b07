import type { Plugin, ViteDevServer } from 'vite';

/**
 * Gives `npm run dev` the same WebSocket endpoint as production: upgrades on /ws/ go to the
 * app's RealtimeServer, loaded through Vite's SSR module graph so it shares the instance
 * SvelteKit's hooks created.
 */
export function realtimeDevPlugin(): Plugin {
	return {
		name: 'samskapa-realtime-dev',
		apply: 'serve',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith('/ws/')) return;
				server
					.ssrLoadModule('/src/lib/server/app.ts')
					.then(async (mod) => {
						const app = await (mod as typeof import('../app')).getApp();
						// Behind room affinity when REDIS_URL is set, as in production.
						app.upgrade(req, socket, head);
					})
					.catch((error: unknown) => {
						console.error('[realtime] dev upgrade failed', error);
						socket.destroy();
					});
			});
		}
	};
}
