import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

// Loaders for the deploy files the invariant tests inspect.

export const INFRA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(INFRA_DIR, "..");
export const BACKEND_IMAGE_REPO = "ghcr.io/referral-app/backend";

export type Manifest = { kind: string; metadata: { name: string }; [key: string]: unknown };

export function readText(relativeToInfra: string): string {
  return readFileSync(path.join(INFRA_DIR, relativeToInfra), "utf8");
}

/** Every YAML document in the text (compose merge keys resolved); throws on syntax errors. */
export function readYamlDocuments(relativeToInfra: string, text = readText(relativeToInfra)): unknown[] {
  return parseAllDocuments(text, { merge: true }).map((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${relativeToInfra}: ${document.errors.map((error) => error.message).join("; ")}`);
    }
    return document.toJS();
  });
}

export interface Kustomization {
  resources: string[];
  images: { name: string; newTag: string }[];
}

export function loadKustomization(): Kustomization {
  return readYamlDocuments("k8s/kustomization.yaml")[0] as Kustomization;
}

/** The manifests kustomize applies, plus the Secret example (documents the Secret's keys). */
export function loadK8sManifests(): Manifest[] {
  const files = [...loadKustomization().resources, "secret.example.yaml"];
  return files.flatMap((file) => readYamlDocuments(`k8s/${file}`) as Manifest[]);
}

export function k8sFiles(): string[] {
  return readdirSync(path.join(INFRA_DIR, "k8s")).filter((file) => file.endsWith(".yaml"));
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean };
}

export function podTemplate(manifest: Manifest): {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
} {
  const spec = manifest.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
  return spec.template;
}

export function podContainers(manifest: Manifest): Container[] {
  const { spec } = podTemplate(manifest);
  return [...(spec.initContainers ?? []), ...spec.containers];
}

export interface ComposeService {
  image?: string;
  command?: string[];
  mem_limit?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
}

/** The compose file as compose sees it with an empty .env: ${NAME:-default} → default. */
export function loadCompose(): { services: Record<string, ComposeService> } {
  const file = "docker/docker-compose.yml";
  const text = readText(file).replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?(?::\?[^}]*)?\}/g,
    (_match, name: string, fallback?: string) => fallback ?? `<${name}>`,
  );
  return readYamlDocuments(file, text)[0] as { services: Record<string, ComposeService> };
}

/** KEY=value lines of a dotenv file. */
export function readDotEnvNames(relativeToInfra: string): string[] {
  return readText(relativeToInfra)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.slice(0, line.indexOf("=")));
}

/** Names interpolated as ${NAME}, ${NAME:-default} or ${NAME:?message}. */
export function interpolatedNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!))];
}

/** "backend/dist/x.js" → "x" for every `node backend/dist/x.js` command in the text. */
export function backendEntries(text: string): string[] {
  return [...text.matchAll(/backend\/dist\/([\w-]+)\.js/g)].map((match) => match[1]!);
}

/** Entry points the backend build bundles (src/<name>.ts in backend/scripts/build.mjs). */
export function builtBackendEntries(): string[] {
  const build = readFileSync(path.join(REPO_DIR, "backend/scripts/build.mjs"), "utf8");
  const entryPoints = /entryPoints:\s*\[([^\]]*)\]/.exec(build)?.[1] ?? "";
  return [...entryPoints.matchAll(/src\/([\w-]+)\.ts/g)].map((match) => match[1]!);
}
