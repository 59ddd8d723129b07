import { startServer, removeTempDirs, spawnListening, ROOT } from '../helpers/server.ts';
import { ApiClient } from '../helpers/api.ts';
import { connect } from '../helpers/yclient.ts';
import { join } from 'node:path';
const ref = process.argv.includes('--ref');
let wsUrl: string, stop: () => Promise<void>;
const creds: { room: string; token?: string }[] = [];
if (ref) {
  const s = await spawnListening(['--disable-warning=ExperimentalWarning', join(ROOT, 'tests/bench/reference-server.ts')], { ...process.env, PORT: '0' });
  wsUrl = `ws://127.0.0.1:${s.port}`; stop = s.stop;
  for (let w = 0; w < 20; w++) for (let i = 0; i < 10; i++) creds.push({ room: `w/x${w}` });
} else {
  const server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', WS_SOCKETS_PER_ADDRESS: '1000', ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=' + process.env.PROF } : {}) } });
  wsUrl = server.wsUrl; stop = server.stop;
  for (let w = 0; w < 20; w++) {
    const f = new ApiClient(server.url, `10.1.1.${w + 1}`);
    await f.signup({});
    const { links } = await f.createWorkshop({ title: 'x' });
    for (let i = 0; i < 10; i++) {
      const j = await new ApiClient(server.url, `10.2.${w}.${i + 1}`).join({ code: links.participant.code, displayName: 'A' + i });
      creds.push({ room: j.room, token: j.wsToken });
    }
  }
}
// sequential: one at a time, timing phases
const t: number[][] = [];
const cs = [];
for (const c of creds.slice(0, 40)) {
  const t0 = performance.now();
  let open = 0;
  const y = connect(wsUrl, c.room, c.token ? { token: c.token } : {}, { timeoutMs: 60000 });
  y.provider.on('status', (e: { status: string }) => { if (e.status === 'connected') open = performance.now() - t0; });
  await y.synced;
  t.push([open, performance.now() - t0]);
  cs.push(y);
}
const med = (k: number) => t.map((x) => x[k]!).sort((a, b) => a - b)[20]!.toFixed(2);
console.log(ref ? 'ref' : 'samskapa', 'sequential median open', med(0), 'synced', med(1));
for (const c of cs) c.destroy();
const t0 = performance.now();
const all = creds.map((c) => connect(wsUrl, c.room, c.token ? { token: c.token } : {}, { timeoutMs: 60000 }));
const created = performance.now() - t0;
await Promise.all(all.map((c) => c.synced));
console.log('burst of', all.length, 'created in', created.toFixed(0), 'all synced', (performance.now() - t0).toFixed(0));
for (const c of all) c.destroy();
await stop(); await removeTempDirs(); process.exit(0);
