/**
 * Records every module a process loads (ESM and CommonJS alike, through Node's synchronous
 * module hooks) and writes their URLs, one a line, to LOADED_MODULES_FILE when it exits. Load it
 * into a server with NODE_OPTIONS="--import <this file>" to see what start-up costs it.
 */
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';

const file = process.env.LOADED_MODULES_FILE;
if (!file) throw new Error('loaded-modules.ts needs LOADED_MODULES_FILE');
const urls: string[] = [];
registerHooks({
	load(url, context, nextLoad) {
		urls.push(url);
		return nextLoad(url, context);
	}
});
process.on('exit', () => writeFileSync(file, urls.join('\n')));
