import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { DomainError } from "../lib/domain-error.ts";

/** Deeper than any body the API takes; bounds every recursive walk (validation, NUL check) too. */
export const MAX_JSON_DEPTH = 32;

/** How deep arrays and objects nest in JSON text, scanned without recursion; stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return false;
}

/** JSON bodies as Fastify parses them (prototype-poisoning checks included), refused when too deep. */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, raw, done) => {
    const body = raw.toString();
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      const message = `JSON nests deeper than ${MAX_JSON_DEPTH} levels`;
      done(new DomainError("VALIDATION_ERROR", message, { fields: { _: [message] } }), undefined);
      return;
    }
    parse(request, body, done);
  });
});
