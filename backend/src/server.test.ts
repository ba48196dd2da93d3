import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// `npm start`'s server process as a newcomer runs it, whatever NODE_ENV their shell exports; the API is
// called with Node's own fetch (no Origin header, Sec-Fetch-Mode: cors), like a script or integration.
const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEMO = { email: "client@demo.test", password: "demo-password-1" };
const running: { child: ChildProcess; dataDir: string }[] = [];

/** `node src/server.ts` with only `env` on top of a shell stripped of the variables under test. */
function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const {
    NODE_ENV: _node,
    PUBLIC_URL: _url,
    DATABASE_URL: _db,
    AUTH_SECRET: _secret,
    ...shell
  } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: backendDir,
    env: { ...shell, PORT: "0", HOST: "127.0.0.1", SERVE_APPS: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, output: () => output };
}

async function start(env: Record<string, string>): Promise<{ base: string; output: () => string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "referral-server-test-"));
  const { child, output } = spawnServer({ DATA_DIR: dataDir, ...env });
  running.push({ child, dataDir });
  const base = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output()}`)));
    const poll = setInterval(() => {
      const address = output().match(/Listening on\s+(http:\/\/\S+)/)?.[1];
      if (address) {
        clearInterval(poll);
        resolve(address);
      }
    }, 100);
  });
  return { base, output };
}

const signIn = (base: string, body: { email: string; password: string }) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

afterEach(async () => {
  for (const { child, dataDir } of running.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
});

describe("the server process (npm start)", () => {
  it("with NODE_ENV=development seeds the demo on an empty folder; Node's fetch signs in", async () => {
    const { base, output } = await start({ NODE_ENV: "development" });
    expect(output()).toContain("Demo logins");
    const response = await signIn(base, DEMO);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token: string }).token).toEqual(expect.any(String));
  }, 90_000);

  it("with NODE_ENV=production seeds no demo accounts; a Node client signs up and in", async () => {
    const { base, output } = await start({
      NODE_ENV: "production",
      AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
      PUBLIC_URL: "https://referrals.example",
      SMTP_URL: "smtp://127.0.0.1:1",
    });
    expect(output()).not.toContain("Demo logins");
    expect((await signIn(base, DEMO)).status).toBe(401);
    const account = { email: "agency-script@example.com", password: "a-long-unusual-passphrase-7" };
    const up = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Agency Script", ...account }),
    });
    expect(up.status).toBe(200);
    expect((await signIn(base, account)).status).toBe(200);
  }, 90_000);

  it("with NODE_ENV=production refuses to start without AUTH_SECRET, PUBLIC_URL and SMTP_URL, naming them", async () => {
    const { child, output } = spawnServer({ NODE_ENV: "production", DATA_DIR: tmpdir() });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(output()).toContain("AUTH_SECRET");
    expect(output()).toContain("PUBLIC_URL");
    expect(output()).toContain("SMTP_URL: required in production");
  }, 60_000);
});
