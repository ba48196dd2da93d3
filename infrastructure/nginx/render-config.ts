import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// Renders the gateway config (nginx.conf.template + static snippets) for N API upstreams.
// CLI: npx tsx infrastructure/nginx/render-config.ts --out DIR --upstream 127.0.0.1:3001,127.0.0.1:3002
//   [--preset local|compose] [--listen 127.0.0.1:8080] [--listen-tls 127.0.0.1:8443]
//   [--tls-cert FILE --tls-key FILE] [--exempt 127.0.0.1/32,...]

export const NGINX_DIR = path.dirname(fileURLToPath(import.meta.url));
export const STATIC_FILES = ["locations.conf", "proxy-params.conf", "security-headers.conf"] as const;
const SYSTEM_MIME_TYPES = "/etc/nginx/mime.types";

export interface RenderOptions {
  /** host:port of every API instance. */
  upstreams: string[];
  /** "compose": container paths, logs to stdout; "local": everything under outDir (tests, load suite). */
  preset: "compose" | "local";
  /** Needed for the "local" preset: pid, logs and temp files live there. */
  outDir?: string;
  listenHttp?: string;
  listenHttps?: string;
  tls?: { cert: string; key: string };
  /** Client addresses (CIDR) not counted by the rate limits, e.g. a load generator on loopback. */
  rateLimitExempt?: string[];
}

const UPSTREAM_PATTERN = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/;
const CIDR_PATTERN = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {{${name}}}`);
    return value;
  });
}

function runtimePaths(options: RenderOptions): Record<string, string> {
  if (options.preset === "compose") {
    return {
      PID_FILE: "/run/nginx.pid",
      ERROR_LOG: "stderr",
      ACCESS_LOG: "/dev/stdout",
      TEMP_DIR: "/var/cache/nginx",
    };
  }
  if (!options.outDir) throw new Error("the local preset needs outDir");
  const root = path.resolve(options.outDir);
  return {
    PID_FILE: path.join(root, "nginx.pid"),
    ERROR_LOG: path.join(root, "logs", "error.log"),
    ACCESS_LOG: path.join(root, "logs", "access.log"),
    TEMP_DIR: path.join(root, "temp"),
  };
}

/** Returns file name → content for the rendered gateway config. */
export function renderNginxConfig(options: RenderOptions): Map<string, string> {
  if (options.upstreams.length === 0) throw new Error("at least one upstream is required");
  for (const upstream of options.upstreams) {
    if (!UPSTREAM_PATTERN.test(upstream)) throw new Error(`bad upstream "${upstream}" (want host:port)`);
  }
  const exempt = options.rateLimitExempt ?? [];
  for (const cidr of exempt) {
    if (!CIDR_PATTERN.test(cidr)) throw new Error(`bad rate-limit exemption "${cidr}"`);
  }
  const defaultListen = options.preset === "compose" ? "80" : "127.0.0.1:8080";
  const files = new Map<string, string>();
  const template = readFileSync(path.join(NGINX_DIR, "nginx.conf.template"), "utf8");
  files.set(
    "nginx.conf",
    fill(template, {
      ...runtimePaths(options),
      LISTEN_HTTP: options.listenHttp ?? defaultListen,
      UPSTREAM_SERVERS: options.upstreams
        .map((upstream) => `        server ${upstream} max_fails=3 fail_timeout=10s;`)
        .join("\n"),
      RATE_LIMIT_EXEMPT: exempt.map((cidr) => `        ${cidr} 1;`).join("\n"),
    }),
  );
  for (const name of STATIC_FILES) files.set(name, readFileSync(path.join(NGINX_DIR, name), "utf8"));
  if (options.tls) {
    const tlsTemplate = readFileSync(path.join(NGINX_DIR, "tls-server.conf.template"), "utf8");
    const defaultTlsListen = options.preset === "compose" ? "443" : "127.0.0.1:8443";
    files.set(
      "conf.d/tls-server.conf",
      fill(tlsTemplate, {
        LISTEN_HTTPS: options.listenHttps ?? defaultTlsListen,
        TLS_CERT: options.tls.cert,
        TLS_KEY: options.tls.key,
      }),
    );
  }
  return files;
}

/** Writes the rendered config (plus mime.types and runtime folders for "local") into outDir. */
export function writeNginxConfig(outDir: string, options: Omit<RenderOptions, "outDir">): string {
  const root = path.resolve(outDir);
  const files = renderNginxConfig({ ...options, outDir: root });
  mkdirSync(path.join(root, "conf.d"), { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(root, name), content);
  if (options.preset === "local") {
    mkdirSync(path.join(root, "logs"), { recursive: true });
    mkdirSync(path.join(root, "temp"), { recursive: true });
    if (!existsSync(SYSTEM_MIME_TYPES)) {
      throw new Error(`${SYSTEM_MIME_TYPES} is missing: install nginx (apt-get install -y nginx-light)`);
    }
    copyFileSync(SYSTEM_MIME_TYPES, path.join(root, "mime.types"));
  }
  return path.join(root, "nginx.conf");
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      preset: { type: "string", default: "local" },
      upstream: { type: "string" },
      listen: { type: "string" },
      "listen-tls": { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      exempt: { type: "string" },
    },
  });
  if (!values.out || !values.upstream) {
    throw new Error("usage: render-config.ts --out DIR --upstream host:port[,host:port…] [options]");
  }
  if (values.preset !== "local" && values.preset !== "compose") throw new Error("--preset local|compose");
  if (Boolean(values["tls-cert"]) !== Boolean(values["tls-key"])) {
    throw new Error("--tls-cert and --tls-key go together");
  }
  const confPath = writeNginxConfig(values.out, {
    preset: values.preset,
    upstreams: splitList(values.upstream),
    listenHttp: values.listen,
    listenHttps: values["listen-tls"],
    tls:
      values["tls-cert"] && values["tls-key"]
        ? { cert: values["tls-cert"], key: values["tls-key"] }
        : undefined,
    rateLimitExempt: splitList(values.exempt),
  });
  process.stdout.write(`${confPath}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
