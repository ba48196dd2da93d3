// A Vite plugin for every app's build: react-router's package `exports` name only its development
// build; the production one, beside it, leaves out the dev-only warnings.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export function reactRouterProduction() {
  return {
    name: "react-router-production",
    apply: "build",
    config(_config, { mode }) {
      if (mode !== "production") return;
      const production = join(
        dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
        "dist/production",
      );
      return {
        resolve: {
          alias: [
            { find: /^react-router$/, replacement: join(production, "index.mjs") },
            { find: /^react-router\/dom$/, replacement: join(production, "dom-export.mjs") },
          ],
        },
      };
    },
  };
}
