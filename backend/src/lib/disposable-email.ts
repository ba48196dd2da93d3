import { createRequire as moduleRequire } from "node:module";

// The bundled list (disposable-email-domains, ~120,000 names), read once on first use.
let domains: Set<string> | null = null;
let wildcards: string[] | null = null;

function load(): void {
  const read = moduleRequire(import.meta.url);
  domains = new Set(read("disposable-email-domains") as string[]);
  wildcards = read("disposable-email-domains/wildcard.json") as string[];
}

/** True when the address is at a throw-away mail service (or a subdomain of one). */
export function isDisposableEmail(email: string): boolean {
  if (!domains) load();
  const domain = email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
  if (domains!.has(domain)) return true;
  return wildcards!.some((base) => domain === base || domain.endsWith(`.${base}`));
}
