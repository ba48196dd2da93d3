import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// react-router's package `exports` name only its development build; the production one, beside it,
// leaves out the dev-only warnings.
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
  "dist/production",
);

// `npm run dev` proxies /api to the backend; `VITE_MOCK=1 npm run dev` answers from MSW in the browser.
export default defineConfig(({ command }) => {
  // A shell's NODE_ENV=development must not turn `npm start` into a development bundle.
  if (command === "build") process.env.NODE_ENV = "production";
  return {
    base: "/",
    plugins: [react(), tailwindcss()],
    resolve: {
      dedupe: ["react", "react-dom"],
      alias:
        command === "build"
          ? [
              { find: /^react-router$/, replacement: join(reactRouterProduction, "index.mjs") },
              { find: /^react-router\/dom$/, replacement: join(reactRouterProduction, "dom-export.mjs") },
            ]
          : [],
    },
    server: {
      port: 5173,
      proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
    },
    build: {
      outDir: "dist",
      emptyOutDir: true,
      target: "es2022",
      sourcemap: true,
    },
  };
});
