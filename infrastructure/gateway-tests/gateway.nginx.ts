import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NGINX_DIR, renderNginxConfig, STATIC_FILES, writeNginxConfig } from "../nginx/render-config.ts";
import { freePort } from "./free-port.ts";

// Needs the Debian nginx binary (apt-get install -y nginx-light) and openssl: `npm run test:gateway`.

/** A stand-in API instance: echoes what the gateway forwarded; streams two SSE events. */
function fakeUpstream(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    if (request.url === "/api/precompressed") {
      // What the API sends a client that accepts brotli: already encoded, Vary set.
      response.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "br",
        vary: "Accept-Encoding",
      });
      response.end(brotliCompressSync(JSON.stringify({ padding: "x".repeat(4096) })));
      return;
    }
    if (request.url === "/api/notifications/stream") {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
      setTimeout(() => response.end("data: second\n\n"), 400);
      return;
    }
    const type = request.url?.endsWith(".js") ? "application/javascript" : "application/json";
    response.writeHead(200, {
      "content-type": type,
      "cache-control": "no-cache",
      "x-frame-options": "SAMEORIGIN",
    });
    response.end(
      JSON.stringify({ port, requestId: request.headers["x-request-id"], padding: "x".repeat(2048) }),
    );
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("nginx gateway", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-test-"));
  const upstreams: http.Server[] = [];
  let gatewayUrl = "";
  let confPath = "";
  let stopGateway: () => void = () => {};

  beforeAll(async () => {
    for (let index = 0; index < 2; index++) upstreams.push(await fakeUpstream());
    const ports = upstreams.map((server) => (server.address() as AddressInfo).port);
    const listen = await freePort();
    const listenTls = await freePort();
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-keyout",
        path.join(dir, "tls.key"),
        "-out",
        path.join(dir, "tls.crt"),
      ],
      { stdio: "ignore" },
    );
    confPath = writeNginxConfig(dir, {
      preset: "local",
      upstreams: ports.map((port) => `127.0.0.1:${port}`),
      listenHttp: `127.0.0.1:${listen}`,
      listenHttps: `127.0.0.1:${listenTls}`,
      tls: { cert: path.join(dir, "tls.crt"), key: path.join(dir, "tls.key") },
      rateLimitExempt: [],
    });
    gatewayUrl = `http://127.0.0.1:${listen}`;
    const nginx = spawn("nginx", ["-p", dir, "-c", confPath, "-g", "daemon off;"], { stdio: "inherit" });
    stopGateway = () => nginx.kill("SIGQUIT");
    for (let attempt = 0; attempt < 50; attempt++) {
      const up = await fetch(`${gatewayUrl}/gateway/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("nginx did not start");
  });

  afterAll(() => {
    stopGateway();
    for (const server of upstreams) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the rendered config, TLS server included, passes nginx -t", () => {
    const output = execFileSync("nginx", ["-t", "-p", dir, "-c", confPath], {
      encoding: "utf8",
      stdio: "pipe",
    });
    expect(output).toBe("");
  });

  it("the committed nginx.conf is the compose rendering of the template", () => {
    const rendered = renderNginxConfig({ preset: "compose", upstreams: ["api1:3000", "api2:3000"] });
    expect(readFileSync(path.join(NGINX_DIR, "nginx.conf"), "utf8")).toBe(rendered.get("nginx.conf"));
    expect([...rendered.keys()].sort()).toEqual(["nginx.conf", ...STATIC_FILES].sort());
  });

  it("propagates a well-formed request id, mints one otherwise, and sets security headers", async () => {
    const honoured = await fetch(`${gatewayUrl}/api/ping`, {
      headers: { "x-request-id": "client-req-0001" },
    });
    expect(((await honoured.json()) as { requestId: string }).requestId).toBe("client-req-0001");
    expect(honoured.headers.get("x-request-id")).toBe("client-req-0001");
    expect(honoured.headers.get("x-frame-options")).toBe("DENY");
    expect(honoured.headers.get("x-content-type-options")).toBe("nosniff");
    const minted = await fetch(`${gatewayUrl}/api/ping`, { headers: { "x-request-id": "bad id <script>" } });
    const { requestId } = (await minted.json()) as { requestId: string };
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(path.join(dir, "logs", "access.log"), "utf8")).toContain(`request_id=${requestId}`);
  });

  it("marks hashed assets immutable and gzips text", async () => {
    const response = await fetch(`${gatewayUrl}/admin/assets/index-abc123.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("passes an answer the API already compressed through untouched (no double compression)", async () => {
    const response = await new Promise<http.IncomingMessage & { body: Buffer }>((resolve, reject) => {
      http
        .get(`${gatewayUrl}/api/precompressed`, { headers: { "accept-encoding": "gzip, br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
        })
        .on("error", reject);
    });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(response.body).toString())).toEqual({ padding: "x".repeat(4096) });
  });

  it("streams server-sent events unbuffered", async () => {
    const started = Date.now();
    const response = await fetch(`${gatewayUrl}/api/notifications/stream`);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("data: first");
    expect(Date.now() - started).toBeLessThan(350);
    await reader.cancel();
  });

  it("rate-limits credential POSTs per client IP", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 14; index++) {
      statuses.push((await fetch(`${gatewayUrl}/api/auth/sign-in/email`, { method: "POST" })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
  });

  it("fails over when an instance goes away", async () => {
    const [dead, alive] = upstreams as [http.Server, http.Server];
    dead.closeAllConnections();
    await new Promise((resolve) => dead.close(resolve));
    const alivePort = (alive.address() as AddressInfo).port;
    for (let index = 0; index < 6; index++) {
      const response = await fetch(`${gatewayUrl}/api/ping`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { port: number }).port).toBe(alivePort);
    }
  });
});
