import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_HEAP_MB, WORKER_HEAP_MB } from "../../backend/src/bench/server-process.ts";
import { ENV_NAMES } from "../../backend/src/config.ts";
import {
  BACKEND_IMAGE_REPO,
  backendEntries,
  builtBackendEntries,
  INFRA_DIR,
  interpolatedNames,
  k8sFiles,
  loadCompose,
  loadK8sManifests,
  loadKustomization,
  type Manifest,
  podContainers,
  podTemplate,
  REPO_DIR,
  readDotEnvNames,
  readText,
} from "./deploy-files.ts";
import { terraformEnvNames } from "./terraform-hcl.ts";

// Compose-level settings in .env.example that only feed ${...} interpolation, never a backend process.
const COMPOSE_ONLY_NAMES = ["BACKEND_IMAGE", "GATEWAY_PORT", "POSTGRES_PASSWORD"];

const manifests = loadK8sManifests();
const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const byName = (kind: string, name: string) =>
  ofKind(kind).find((manifest) => manifest.metadata.name === name);
const compose = loadCompose();
const backendServices = Object.entries(compose.services).filter(([, service]) =>
  service.image?.startsWith(BACKEND_IMAGE_REPO),
);

function unknownNames(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((name) => !ENV_NAMES.includes(name)).sort();
}

describe("kubernetes manifests", () => {
  it("kustomization lists every manifest except the secret example", () => {
    const listed = [...loadKustomization().resources].sort();
    expect(listed).toEqual(
      k8sFiles().filter((file) => !["kustomization.yaml", "secret.example.yaml"].includes(file)),
    );
  });

  it.each(ofKind("Deployment").map((deployment) => [deployment.metadata.name, deployment] as const))(
    "Deployment %s has probes, resources and a non-root read-only security context",
    (_name, deployment) => {
      const { spec } = podTemplate(deployment);
      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      for (const container of podContainers(deployment)) {
        expect(container.livenessProbe, `${container.name} livenessProbe`).toBeTruthy();
        expect(container.readinessProbe, `${container.name} readinessProbe`).toBeTruthy();
        expect(container.startupProbe, `${container.name} startupProbe`).toBeTruthy();
        for (const bound of ["requests", "limits"] as const) {
          expect(container.resources?.[bound]?.cpu, `${container.name} ${bound}.cpu`).toBeTruthy();
          expect(container.resources?.[bound]?.memory, `${container.name} ${bound}.memory`).toBeTruthy();
        }
        expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
        expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      }
    },
  );

  it("has api (3 replicas) and worker Deployments, each covered by a PodDisruptionBudget", () => {
    expect(
      ofKind("Deployment")
        .map((deployment) => deployment.metadata.name)
        .sort(),
    ).toEqual(["api", "worker"]);
    expect(byName("Deployment", "api")?.spec).toMatchObject({ replicas: 3 });
    for (const deployment of ofKind("Deployment")) {
      const labels = podTemplate(deployment).metadata.labels;
      const covering = ofKind("PodDisruptionBudget").filter((pdb) => {
        const selector = (pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector;
        return Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value);
      });
      expect(covering, `PDB for ${deployment.metadata.name}`).toHaveLength(1);
    }
  });

  it("autoscales api on CPU and memory, routes it through a Service and an SSE-friendly Ingress", () => {
    const hpa = byName("HorizontalPodAutoscaler", "api")?.spec as {
      scaleTargetRef: { kind: string; name: string };
      metrics: { resource: { name: string } }[];
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: "Deployment", name: "api" });
    expect(hpa.metrics.map((metric) => metric.resource.name).sort()).toEqual(["cpu", "memory"]);
    expect(byName("Service", "api")).toBeDefined();
    const stream = ofKind("Ingress").find((ingress) =>
      JSON.stringify(ingress.spec).includes("/api/notifications/stream"),
    ) as Manifest & { metadata: { annotations: Record<string, string> } };
    expect(stream.metadata.annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
    expect(
      Number(stream.metadata.annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]),
    ).toBeGreaterThanOrEqual(3600);
  });

  it("runs migrations as a Job", () => {
    const job = byName("Job", "migrate");
    expect(job && podContainers(job)[0]?.command).toEqual(["node", "backend/dist/migrate-cli.js"]);
  });
});

describe("one backend image tag everywhere", () => {
  it("k8s, kustomize, compose and terraform agree", () => {
    const images = ofKind("Deployment")
      .concat(ofKind("Job"))
      .flatMap((manifest) => podContainers(manifest).map((container) => container.image));
    const composeImages = backendServices.map(([, service]) => service.image ?? "");
    const terraformDefault = /variable "backend_image" \{[\s\S]*?default\s*=\s*"([^"]+)"/.exec(
      readText("terraform/variables.tf"),
    )?.[1];
    const all = [...images, ...composeImages, terraformDefault ?? "(no terraform default)"];
    for (const image of all) expect(image.startsWith(`${BACKEND_IMAGE_REPO}:`), image).toBe(true);
    const tags = new Set(all.map((image) => image.slice(BACKEND_IMAGE_REPO.length + 1)));
    expect([...tags]).toHaveLength(1);
    const override = loadKustomization().images.find((image) => image.name === BACKEND_IMAGE_REPO);
    expect(override?.newTag).toBe([...tags][0]);
  });

  it("every command runs an entry point the backend build produces", () => {
    const built = builtBackendEntries();
    expect(built.length).toBeGreaterThan(0);
    const used = [
      ...backendEntries(readText("k8s/api-deployment.yaml")),
      ...backendEntries(readText("k8s/worker-deployment.yaml")),
      ...backendEntries(readText("k8s/migrate-job.yaml")),
      ...backendEntries(readText("docker/docker-compose.yml")),
      ...backendEntries(readText("docker/Dockerfile")),
      ...backendEntries(readText("terraform/ecs.tf")),
    ];
    expect(new Set(used)).toEqual(new Set(["server", "worker", "migrate-cli"]));
    for (const entry of used) expect(built, `backend/dist/${entry}.js`).toContain(entry);
  });
});

describe("environment variable names match ENV_NAMES in backend/src/config.ts", () => {
  it("kubernetes containers, ConfigMap and Secret keys", () => {
    const names = [
      ...ofKind("ConfigMap").flatMap((map) => Object.keys((map as { data?: object }).data ?? {})),
      ...ofKind("Secret").flatMap((secret) =>
        Object.keys((secret as { stringData?: object }).stringData ?? {}),
      ),
      ...[...ofKind("Deployment"), ...ofKind("Job")].flatMap((manifest) =>
        podContainers(manifest).flatMap((container) =>
          (container.env ?? []).flatMap((entry) => [
            entry.name,
            entry.valueFrom?.secretKeyRef?.key ?? entry.name,
          ]),
        ),
      ),
    ];
    expect(unknownNames(names)).toEqual([]);
  });

  it("compose backend services and .env.example", () => {
    expect(backendServices.length).toBeGreaterThan(0);
    const names = backendServices.flatMap(([, service]) => Object.keys(service.environment ?? {}));
    expect(unknownNames(names)).toEqual([]);
    const dotenv = readDotEnvNames("docker/.env.example");
    expect(unknownNames(dotenv.filter((name) => !COMPOSE_ONLY_NAMES.includes(name)))).toEqual([]);
  });

  it("terraform task definitions", () => {
    expect(terraformEnvNames()).toContain("DATABASE_URL");
    expect(unknownNames(terraformEnvNames())).toEqual([]);
  });

  it("Dockerfile ENV", () => {
    const dockerfile = readFileSync(path.join(INFRA_DIR, "docker/Dockerfile"), "utf8");
    const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(dockerfile)?.[1] ?? "";
    const names = [...block.matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((match) => match[1]!);
    expect(names).toContain("NODE_ENV");
    expect(unknownNames(names)).toEqual([]);
  });
});

describe("docker compose", () => {
  const services = compose.services;

  it("runs postgres, redis, migrate, two API instances, worker and gateway", () => {
    for (const name of ["postgres", "redis", "migrate", "worker", "gateway"])
      expect(services[name], name).toBeDefined();
    const apis = backendServices.filter(([, service]) => service.command?.includes("backend/dist/server.js"));
    expect(apis.map(([name]) => name)).toEqual(["api1", "api2"]);
    expect(services.worker?.command).toEqual(["node", "--max-old-space-size=288", "backend/dist/worker.js"]);
    expect(services.migrate?.command).toEqual(["node", "backend/dist/migrate-cli.js"]);
  });

  it("starts things in order: healthy data stores, completed migrations, healthy APIs", () => {
    expect(services.postgres?.healthcheck?.test).toBeTruthy();
    expect(services.redis?.healthcheck?.test).toBeTruthy();
    expect(services.migrate?.depends_on?.postgres?.condition).toBe("service_healthy");
    for (const name of ["api1", "api2", "worker"]) {
      expect(services[name]?.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
    expect(services.gateway?.depends_on?.api1?.condition).toBe("service_healthy");
    expect(services.gateway?.depends_on?.api2?.condition).toBe("service_healthy");
  });

  it("the gateway's upstream list is exactly the API services", () => {
    const servers = [...readText("nginx/nginx.conf").matchAll(/^\s*server ([\w.-]+):(\d+) /gm)].map(
      (match) => `${match[1]}:${match[2]}`,
    );
    expect(servers).toEqual(["api1:3000", "api2:3000"]);
  });

  it("every interpolated variable is documented in .env.example, and nothing more", () => {
    const used = interpolatedNames(readText("docker/docker-compose.yml")).sort();
    expect(readDotEnvNames("docker/.env.example").sort()).toEqual(used);
  });
});

// Left to itself V8 sizes its heap from the machine's memory, not the container's limit, and lets
// garbage grow past the limit before a full collection: the container is killed instead.
describe("V8's heap in every long-running backend container", () => {
  const heapOf = (command: readonly string[] | undefined) =>
    Number(/--max-old-space-size=(\d+)/.exec(command?.join(" ") ?? "")?.[1]);
  const mebibytes = (size: string) => {
    const [, amount, unit] = /^(\d+)(Mi|Gi|m|g)$/.exec(size) ?? [];
    return Number(amount) * (unit === "Gi" || unit === "g" ? 1024 : 1);
  };
  const threeQuarters = (limitMiB: number) => Math.floor((limitMiB * 3) / 4);

  it.each(ofKind("Deployment").map((deployment) => [deployment.metadata.name, deployment] as const))(
    "Deployment %s gives V8 three quarters of its memory limit",
    (_name, deployment) => {
      for (const container of podContainers(deployment)) {
        const limit = mebibytes(container.resources?.limits?.memory ?? "");
        expect(heapOf(container.command), container.name).toBe(threeQuarters(limit));
      }
    },
  );

  it("compose's API and worker services do the same with their mem_limit", () => {
    for (const name of ["api1", "api2", "worker"]) {
      const service = compose.services[name];
      expect(heapOf(service?.command), name).toBe(threeQuarters(mebibytes(service?.mem_limit ?? "")));
    }
  });

  it("the ECS tasks compute it from their memory", () => {
    const ecs = readText("terraform/ecs.tf");
    for (const [memory, entry] of [
      ["api_memory", "server"],
      ["worker_memory", "worker"],
    ]) {
      // HCL's own interpolation, written out: "${floor(var.api_memory * 3 / 4)}".
      const heap = `"--max-old-space-size=$\{floor(var.${memory} * 3 / 4)}"`;
      expect(ecs, entry).toContain(`${heap}, "backend/dist/${entry}.js"`);
    }
  });

  it("the image's default command and the benchmark run the API and worker with the deployed heaps", () => {
    const heapOfDeployment = (name: string) => {
      const deployment = byName("Deployment", name);
      return heapOf(deployment && podContainers(deployment)[0]?.command);
    };
    const apiHeap = heapOfDeployment("api");
    expect(apiHeap).toBe(API_HEAP_MB);
    expect(heapOfDeployment("worker")).toBe(WORKER_HEAP_MB);
    const cmd = /^CMD (\[.*\])$/m.exec(readText("docker/Dockerfile"))?.[1] ?? "[]";
    expect(heapOf(JSON.parse(cmd) as string[])).toBe(apiHeap);
    // npm start (the embedded server), start:api and start:worker run the same way.
    const scripts = (
      JSON.parse(readFileSync(path.join(REPO_DIR, "backend/package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const name of ["start", "start:api"]) {
      expect(heapOf(scripts[name]?.split(" ")), name).toBe(API_HEAP_MB);
    }
    expect(heapOf(scripts["start:worker"]?.split(" "))).toBe(WORKER_HEAP_MB);
  });
});
