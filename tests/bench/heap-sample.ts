/**
 * Records where a process allocates, garbage included: V8's sampling heap profiler with the
 * objects that minor and major collections took kept in the profile (`node --heap-prof` keeps
 * only what is still alive at exit, which hides the churn a server's GC works through). Load it
 * into a server with --import and read the profile with tests/bench/heap-profile-top.ts:
 *
 *   HEAP_SAMPLE_DIR=/tmp/heap BENCH_NODE_OPTIONS="--import ./tests/bench/heap-sample.ts" \
 *     npm run bench:load -- --rounds=1
 *
 * The profile (DIR/<pid>.heapprofile) is written when the process is told to stop (SIGTERM) or
 * exits. Sampling one allocation per 4 KiB costs the process some speed: compare the bytes,
 * not the benchmark's times, of a run that sampled.
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.HEAP_SAMPLE_DIR ?? '/tmp/heap-sample';
mkdirSync(dir, { recursive: true });
const session = new Session();
session.connect();
session.post('HeapProfiler.startSampling', {
	samplingInterval: 4096,
	includeObjectsCollectedByMajorGC: true,
	includeObjectsCollectedByMinorGC: true
});

let written = false;
function write() {
	if (written) return;
	written = true;
	// The inspector answers a session of the same thread synchronously.
	session.post('HeapProfiler.getSamplingProfile', (error, result) => {
		if (error) console.error('[heap-sample]', error);
		else writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
	});
}
process.prependListener('SIGTERM', write);
process.on('exit', write);
