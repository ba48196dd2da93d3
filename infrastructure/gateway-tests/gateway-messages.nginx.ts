import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeNginxConfig } from "../nginx/render-config.ts";
import { freePort } from "./free-port.ts";

// Two real API processes on one PostgreSQL behind the nginx gateway: a message posted on instance 1
// reaches open streams on both, live events crossing instances over LISTEN/NOTIFY. Needs nginx and
// PostgreSQL (GATEWAY_DATABASE_URL, or the local server .ci/run starts).

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../backend");
const adminUrl = process.env.GATEWAY_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `gateway_messages_${randomBytes(4).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

async function startInstance(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const { NODE_ENV: _node, PUBLIC_URL: _url, DATABASE_URL: _db, ...shell } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: backendDir,
    env: {
      ...shell,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      SERVE_APPS: "false",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "gateway-messages-test-secret-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
    const poll = setInterval(() => {
      const address = output.match(/Listening on\s+(http:\/\/\S+)/)?.[1];
      if (address) {
        clearInterval(poll);
        resolve(address.replace(/\/$/, ""));
      }
    }, 100);
  });
  return { child, base };
}

/** Reads server-sent events from a fetch response, one named event at a time. */
class EventReader {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }
  async next(name: string, deadline: number): Promise<unknown> {
    const decoder = new TextDecoder();
    for (;;) {
      const frames = this.buffer.split("\n\n");
      this.buffer = frames.pop() ?? "";
      for (const frame of frames) {
        const event = frame.match(/^event: (.+)$/m)?.[1];
        const data = frame.match(/^data: (.+)$/m)?.[1];
        if (event === name && data) return JSON.parse(data);
      }
      const timer = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no ${name} event in time`)), Math.max(0, deadline - Date.now())),
      );
      const { value, done } = await Promise.race([this.reader.read(), timer]);
      if (done) throw new Error("stream ended");
      this.buffer += decoder.decode(value, { stream: true });
    }
  }
  cancel() {
    return this.reader.cancel();
  }
}

describe("messages across API instances behind the gateway", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-messages-"));
  const instances: { child: ChildProcess; base: string }[] = [];
  let gatewayUrl = "";
  let stopGateway: () => void = () => {};

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    // One at a time: the first applies the migrations.
    instances.push(await startInstance(path.join(dir, "api1")));
    instances.push(await startInstance(path.join(dir, "api2")));
    const listen = await freePort();
    const confPath = writeNginxConfig(dir, {
      preset: "local",
      upstreams: instances.map((instance) => new URL(instance.base).host),
      listenHttp: `127.0.0.1:${listen}`,
      rateLimitExempt: [],
    });
    gatewayUrl = `http://127.0.0.1:${listen}`;
    const nginx = spawn("nginx", ["-p", dir, "-c", confPath, "-g", "daemon off;"], { stdio: "inherit" });
    stopGateway = () => nginx.kill("SIGQUIT");
    for (let attempt = 0; attempt < 50; attempt++) {
      if (
        await fetch(`${gatewayUrl}/gateway/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("nginx did not start");
  }, 120_000);

  afterAll(async () => {
    stopGateway();
    await Promise.all(
      instances.map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(null);
            child.once("exit", resolve);
            child.kill("SIGTERM");
          }),
      ),
    );
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function signUp(base: string, name: string): Promise<{ id: string; token: string }> {
    const response = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name,
        email: `${name.toLowerCase()}-${dbName}@example.com`,
        password: "correct-horse-1",
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: { id: string } };
    return { id: body.user.id, token: body.token };
  }

  it("a message posted on instance 1 reaches streams held through the gateway on both instances within 1 s", async () => {
    const first = instances[0]!;
    const staff = await signUp(first.base, "Staff");
    const client = await signUp(first.base, "Client");
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query("update users set role = 'staff' where id = $1", [staff.id]);
    await db.end();
    const auth = (token: string) => ({
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    });

    const opened = await fetch(`${first.base}/api/conversations`, {
      method: "POST",
      headers: auth(staff.token),
      body: JSON.stringify({ type: "group", subject: "Across instances", participantIds: [client.id] }),
    });
    expect(opened.status).toBe(201);
    const conversation = ((await opened.json()) as { data: { id: string } }).data;

    // Two streams through the gateway: its round-robin puts them on different instances (checked below).
    const streams: EventReader[] = [];
    for (let index = 0; index < 2; index++) {
      const response = await fetch(`${gatewayUrl}/api/notifications/stream`, {
        headers: { authorization: `Bearer ${client.token}`, "x-request-id": `messages-stream-${index}` },
      });
      expect(response.status).toBe(200);
      const reader = new EventReader(response);
      await reader.next("unread-count", Date.now() + 5_000);
      streams.push(reader);
    }

    const posted = await fetch(`${first.base}/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: auth(staff.token),
      body: JSON.stringify({ body: "Hello from instance 1" }),
    });
    expect(posted.status).toBe(201);
    const deadline = Date.now() + 1_000;
    const events = (await Promise.all(streams.map((stream) => stream.next("message.created", deadline)))) as {
      conversationId: string;
      message: { body: string };
    }[];
    for (const event of events) {
      expect(event.conversationId).toBe(conversation.id);
      expect(event.message.body).toBe("Hello from instance 1");
    }
    await Promise.all(streams.map((stream) => stream.cancel()));

    // The gateway logged each stream when it ended: one was held by each instance.
    let served: string[] = [];
    for (let attempt = 0; attempt < 50 && served.length < 2; attempt++) {
      const log = readFileSync(path.join(dir, "logs", "access.log"), "utf8");
      served = [...log.matchAll(/request_id=messages-stream-\d upstream=(\S+)/g)].map((match) => match[1]!);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(new Set(served)).toEqual(new Set(instances.map((instance) => new URL(instance.base).host)));
  }, 30_000);
});
