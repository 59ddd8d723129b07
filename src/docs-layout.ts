/**
 * `npm run docs:layout`: rewrites the layout tables of docs/realtime.md from the record
 * declarations (src/lib/workshop/records/*.ts, listed in layout.ts). layout-doc.test.ts fails
 * while the doc differs from what this writes.
 */
import { writeRealtimeDoc } from './lib/server/docs/layout-file.ts';

const changed = await writeRealtimeDoc();
console.log(`[samskapa] docs/realtime.md ${changed ? 'rewritten' : 'already up to date'}`);
