// Layering rules from docs/architecture.md: shared → api-client → ui → app-kit → apps; shared → backend.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "shared-depends-on-zod-only",
      comment:
        "packages/shared is the contract: zod and its own files, nothing else (its tests also use vitest).",
      severity: "error",
      from: { path: "^packages/shared/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^packages/shared/src", "node_modules/zod/"] },
    },
    {
      name: "i18n-is-words-only",
      comment:
        "packages/i18n holds strings and Intl helpers for every app (web, mobile, consoles): the shared " +
        "constants and nothing else, so no React, i18next or DOM reaches the mobile bundle through it.",
      severity: "error",
      from: { path: "^packages/i18n/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^packages/i18n/src", "^packages/shared/src"] },
    },
    {
      name: "no-app-imports-backend",
      severity: "error",
      from: { path: "^(apps|packages)/" },
      to: { path: "^backend/" },
    },
    {
      name: "no-package-imports-app",
      severity: "error",
      from: { path: "^(packages|backend)/" },
      to: { path: "^apps/" },
    },
    {
      name: "backend-uses-no-front-end-package",
      severity: "error",
      from: { path: "^backend/" },
      to: { path: "^packages/(api-client|ui)/" },
    },
    {
      name: "api-client-uses-no-ui",
      severity: "error",
      from: { path: "^packages/api-client/" },
      to: { path: "^packages/ui/" },
    },
    {
      name: "app-kit-is-above-the-packages",
      comment: "app-kit wires ui to the API hooks and the router; the packages below it never import it.",
      severity: "error",
      from: { path: "^packages/(shared|api-client|ui)/" },
      to: { path: "^packages/app-kit/" },
    },
    {
      name: "module-uses-another-module-only-through-its-service",
      comment:
        "backend modules meet through <domain>.service.ts only: another module's repository, routes, " +
        "jobs or helpers are its internals. (backend/src/jobs/ assembles every module's *.jobs.ts.)",
      severity: "error",
      from: { path: "^backend/src/modules/([^/]+)/" },
      to: {
        path: "^backend/src/modules/",
        pathNot: ["^backend/src/modules/$1/", "^backend/src/modules/([^/]+)/\\1\\.service\\.ts$"],
      },
    },
    {
      name: "production-code-uses-no-test-helper",
      comment: "backend/src/test/ holds test helpers and fixtures; only tests (and the helpers) use them.",
      severity: "error",
      from: { path: "^backend/", pathNot: ["\\.test\\.ts$", "^backend/src/test/", "^backend/vitest\\."] },
      to: { path: "^backend/src/test/" },
    },
    {
      name: "only-queue-uses-pg-boss",
      comment:
        "backend/src/queue/ is the one wrapper of pg-boss; everything else sends and works through it.",
      severity: "error",
      from: { pathNot: "^backend/src/queue/" },
      to: { path: "node_modules/pg-boss/" },
    },
    {
      name: "no-circular",
      comment: "drizzle table files may reference each other lazily; nothing else may form a cycle.",
      severity: "error",
      from: { pathNot: "^backend/src/db/schema/" },
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no compiler API and swc cannot read .tsx, so Babel strips types first;
    // @swc/core stays installed because its presence is what makes dependency-cruiser scan .ts/.tsx.
    babelConfig: { fileName: require("node:path").join(__dirname, "tools/layering.babel.config.cjs") },
    doNotFollow: { path: "node_modules" },
    // Build output in the workspaces; a library's own dist/ inside node_modules stays visible (pg-boss resolves there).
    exclude: { path: "^(apps/|packages/|tools/)?[^/]+/(dist|dist-types|\\.expo)/|^tools/test-fixtures/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    combinedDependencies: true,
  },
};
