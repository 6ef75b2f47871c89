import { defineConfig, devices } from "@playwright/test";
import { storageStateOf } from "./e2e/auth-users";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [["list"]],
  // Creates a user per role and signs them in; specs run as the admin unless they choose another.
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    storageState: storageStateOf("admin"),
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  // The built app on a fresh embedded database: proves a first start migrates and seeds the demo.
  webServer: {
    command: `rm -rf ${DATA_DIR} && CM_DATA_DIR=${DATA_DIR} npm run start -- -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // Several specs sign in on their own; the limit itself is tested in lib/auth/sign-in.db.test.ts.
    env: { DATABASE_URL: "", CM_LOGIN_ATTEMPTS_PER_MINUTE: "60" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
