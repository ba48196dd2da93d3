// Layering rules from docs/architecture.md: shared → api-client → ui → app-kit → apps; shared → backend.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "shared-depends-on-zod-only",
      comment: "packages/shared is the contract: zod and its own files, nothing else.",
      severity: "error",
      from: { path: "^packages/shared/src" },
      to: { pathNot: ["^packages/shared/src", "node_modules/zod/"] },
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
    exclude: { path: "(^|/)(dist|dist-types|\\.expo)/|^tools/test-fixtures/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    combinedDependencies: true,
  },
};
