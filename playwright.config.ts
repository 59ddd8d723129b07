import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = '.e2e-data';
// Debian's chromium when present (CI here cannot download browsers); elsewhere Playwright's own.
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: Boolean(process.env.CI),
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'sv-SE',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// Serves the production build (npm test builds first) on a fresh database each run.
		command: `rm -rf ${dataDir} && node --disable-warning=ExperimentalWarning src/server.ts`,
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: `${dataDir}/e2e.db`,
			ORIGIN: `http://127.0.0.1:${port}`,
			// Every test signs up its own facilitators and joins its participants from one address;
			// the limits themselves are tested against their own servers in
			// tests/integration/accounts.test.ts and tests/integration/ballot.test.ts.
			SIGNUP_RATE_LIMIT: '1000',
			JOIN_RATE_LIMIT: '1000',
			JOIN_NEW_MEMBERS_LIMIT: '1000'
		}
	}
});
