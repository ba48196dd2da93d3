import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { reactRouterProduction } from "../../tools/vite-react-router-production.mjs";

// Served by the backend at /admin; `npm run dev` proxies /api to the backend on port 3000.
export default defineConfig(({ command }) => {
  // A shell's NODE_ENV=development must not turn `npm start` into a development bundle.
  if (command === "build") process.env.NODE_ENV = "production";
  return {
    base: "/admin/",
    plugins: [react(), tailwindcss(), reactRouterProduction()],
    resolve: { dedupe: ["react", "react-dom"] },
    server: {
      port: 5174,
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
