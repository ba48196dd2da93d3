import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The signing secret for a server started without AUTH_SECRET (development): made at random on
 * first start and kept in the data folder (`auth-secret`, mode 0600), so sessions survive restarts
 * and no two installations share one. Written to a temporary file and linked into place, so two
 * processes starting at once agree on a single secret.
 */
export function dataDirSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    rmSync(temporary, { force: true });
  }
  const secret = readSecret(file);
  if (!secret)
    throw new Error(`${file} holds no usable secret (32+ characters); delete it to make a new one`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const secret = readFileSync(file, "utf8").trim();
    return secret.length >= 32 ? secret : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
