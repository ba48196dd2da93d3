import type { Plugin } from "vite";

export function reactRouterProduction(): Plugin;
