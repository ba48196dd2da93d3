import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface StaticApp {
  /** URL prefix with a trailing slash; the most specific first, "/" last. */
  prefix: string;
  /** The app's build folder (index.html and assets/). */
  dir: string;
}

/** The built front ends: client app at /, staff at /admin, partners at /partners. */
export const APPS: readonly StaticApp[] = [
  { prefix: "/admin/", dir: path.join(repoRoot, "apps/admin/dist") },
  { prefix: "/partners/", dir: path.join(repoRoot, "apps/partner-portal/dist") },
  { prefix: "/", dir: path.join(repoRoot, "apps/web/dist") },
];

/**
 * A page load: browsers ask for text/html; curl, uptime checks and link previews send a wildcard or no
 * Accept at all. A client that asks only for JSON (or an image…) gets the 404 instead of a web page.
 */
function wantsPage(accept: string | undefined): boolean {
  return !accept || accept.includes("text/html") || accept.includes("*/*");
}

export const staticAppsPlugin = fp(async (app: FastifyInstance, options: { apps?: readonly StaticApp[] }) => {
  const served = (options.apps ?? APPS).filter((entry) => existsSync(path.join(entry.dir, "index.html")));
  let decorated = false;
  for (const entry of served) {
    await app.register(fastifyStatic, {
      root: entry.dir,
      prefix: entry.prefix,
      decorateReply: !decorated,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (tools/precompress.mjs); sent as Content-Encoding.
      preCompressed: true,
      setHeaders(res, filePath) {
        // Vite's hashed chunks never change; everything else is revalidated.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    decorated = true;
  }

  // The apps' entry URLs and their client-side routes: a GET for a page gets the app's index.html.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || !wantsPage(request.headers.accept)) return;
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
