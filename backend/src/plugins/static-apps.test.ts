import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticAppsPlugin } from "./static-apps.ts";

const PRECOMPRESS = fileURLToPath(new URL("../../../tools/precompress.mjs", import.meta.url));
const BIG_SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, n) => ({ n })))};`;
let root: string;
let app: FastifyInstance;

async function buildApp(name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, "assets"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), `<!doctype html><title>${name}</title>`);
  await writeFile(path.join(dir, "assets", "index-abc123.js"), `console.log("${name}")`);
  await writeFile(path.join(dir, "assets", "big-def456.js"), BIG_SCRIPT);
  // What every app's build runs after vite build.
  execFileSync(process.execPath, [PRECOMPRESS, dir]);
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "static-apps-"));
  const apps = [
    { prefix: "/admin/", dir: await buildApp("admin") },
    { prefix: "/", dir: await buildApp("web") },
  ];
  app = Fastify();
  await app.register(staticAppsPlugin, { apps });
  app.get("/api/ping", async () => ({ ok: true }));
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, accept?: string) =>
  app.inject({ method: "GET", url, headers: accept === undefined ? {} : { accept } });

describe("serving the built apps", () => {
  it("answers a page load with the right app's index.html, whatever the client's Accept", async () => {
    for (const accept of [undefined, "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"]) {
      const home = await get("/", accept);
      expect(home.statusCode, `GET / with Accept ${accept}`).toBe(200);
      expect(home.body).toContain("<title>web</title>");
      expect(home.headers["cache-control"]).toBe("no-cache");

      const admin = await get("/admin/", accept);
      expect(admin.body).toContain("<title>admin</title>");
    }
    // Client-side routes deep inside each app, and the prefix without its slash.
    expect((await get("/referrals/123", "text/html")).body).toContain("<title>web</title>");
    expect((await get("/admin/analytics")).body).toContain("<title>admin</title>");
    expect((await get("/admin")).body).toContain("<title>admin</title>");
  });

  it("serves hashed assets as immutable and answers 404 for a missing file or a JSON-only client", async () => {
    const asset = await get("/admin/assets/index-abc123.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("admin")');
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    expect((await get("/assets/missing.js", "*/*")).statusCode).toBe(404);
    expect((await get("/referrals", "application/json")).statusCode).toBe(404);
  });

  it("leaves the API alone", async () => {
    const ping = await get("/api/ping", "text/html");
    expect(ping.json()).toEqual({ ok: true });
    expect((await get("/api/nothing-here", "*/*")).statusCode).toBe(404);
  });
});

describe("precompressed assets", () => {
  const asset = (encoding?: string) =>
    app.inject({
      url: "/assets/big-def456.js",
      headers: encoding ? { "accept-encoding": encoding } : {},
    });

  it("sends the build's brotli or gzip file with Content-Encoding and Vary: Accept-Encoding", async () => {
    const br = await asset("gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(BIG_SCRIPT.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_SCRIPT);

    const gzip = await asset("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(BIG_SCRIPT);
  });

  it("sends the plain file to a client that accepts no encoding", async () => {
    const plain = await asset();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(BIG_SCRIPT);
  });
});
