import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The built front ends: client app at /, staff at /admin, partners at /partners. */
export const APPS = [
  { prefix: "/admin/", dir: path.join(repoRoot, "apps/admin/dist") },
  { prefix: "/partners/", dir: path.join(repoRoot, "apps/partner-portal/dist") },
  { prefix: "/", dir: path.join(repoRoot, "apps/web/dist") },
] as const;

export const staticAppsPlugin = fp(async (app: FastifyInstance) => {
  const served = APPS.filter((entry) => existsSync(path.join(entry.dir, "index.html")));
  let decorated = false;
  for (const entry of served) {
    await app.register(fastifyStatic, {
      root: entry.dir,
      prefix: entry.prefix,
      decorateReply: !decorated,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        // Vite's hashed chunks never change; everything else is revalidated.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    decorated = true;
  }

  // Client-side routes: any other GET that wants HTML gets the app's index.html.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || !request.headers.accept?.includes("text/html")) return;
    const url = request.url.split("?")[0]!;
    if (url.startsWith("/api/") || url.startsWith("/health") || url === "/metrics") return;
    const entry = served.find(
      (candidate) => url === candidate.prefix.slice(0, -1) || url.startsWith(candidate.prefix),
    );
    if (!entry || path.extname(url)) return;
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html", entry.dir);
  });
});
