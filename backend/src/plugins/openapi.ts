import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

type Json = Record<string, unknown>;
const ERROR_REF = "#/components/schemas/ApiErrorResponse";
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every 4xx answer is the one error envelope; an operation that names none gets the family. */
function withClientErrors(document: Json): void {
  const paths = document.paths as Record<string, Record<string, Json>>;
  for (const operations of Object.values(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      operation.responses ??= {};
      const responses = operation.responses as Json;
      if (Object.keys(responses).some((status) => status.startsWith("4"))) continue;
      responses["4XX"] = {
        description:
          "The request was refused: 400 VALIDATION_ERROR (per-field details), 401, 403, 404 (unknown or someone else's), 409, 422 or 429 (Retry-After); `error.code` says which",
        content: { "application/json": { schema: { $ref: ERROR_REF } } },
      };
    }
  }
}

/** Drops components nothing refers to (each zod schema is emitted in an input and an output variant). */
function withoutUnusedSchemas(document: Json): void {
  const components = document.components as { schemas?: Record<string, unknown> };
  const schemas = components.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "$ref" && typeof child === "string" && child.startsWith("#/components/schemas/")) {
          const name = child.slice("#/components/schemas/".length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(child);
      }
    }
  };
  visit(document.paths);
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

/** OpenAPI 3.1 from the route schemas at /api/openapi.json, interactive docs at /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Referral Client App API",
        version: "0.1.0",
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
        description:
          "Clients follow their visa case and refer friends; staff work the pipeline; partners submit referrals. Envelope: `{status, data}`; errors: `{status:'error', message, error:{code, message, details}}`. Sign in with `POST /api/auth/sign-in/email` and send its `token` as `Authorization: Bearer …`; browsers use the session cookie.",
      },
      // Relative: the API answers on whichever address serves this document.
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as unknown as Json;
      withClientErrors(document);
      withoutUnusedSchemas(document);
      return document as unknown as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
});
