import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// The gateway suite fails with the reason when a tool is missing, never skips.
const TOOLS = [
  { command: "nginx", args: ["-v"], install: "apt-get install -y nginx-light" },
  { command: "openssl", args: ["version"], install: "apt-get install -y openssl" },
  { command: "terraform", args: ["version"], install: "a static binary from releases.hashicorp.com" },
];

export default function requireTools() {
  const missing = TOOLS.filter(({ command, args }) => spawnSync(command, args).status !== 0).map(
    ({ command, install }) => `${command} (${install})`,
  );
  if (!existsSync("/etc/nginx/mime.types")) missing.push("/etc/nginx/mime.types (comes with nginx)");
  if (missing.length > 0) throw new Error(`The gateway suite needs: ${missing.join(", ")}`);
}
