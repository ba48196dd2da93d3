import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { type Location, matchRoutes, type RouteObject, useLocation, useRoutes } from "react-router";

/** A route module fetched when its route first matches; each exports its page or layout as `Component`. */
export interface RouteModule<Props extends object = object> {
  Component: LazyExoticComponent<ComponentType<Props>>;
  /** Starts fetching the module, once. */
  load: () => Promise<unknown>;
  loaded: boolean;
}

export function lazyModule<Props extends object = object>(
  importModule: () => Promise<{ Component: ComponentType<Props> }>,
): RouteModule<Props> {
  let module: Promise<{ default: ComponentType<Props> }> | undefined;
  const load = () => {
    module ??= importModule().then(({ Component }) => {
      routeModule.loaded = true;
      return { default: Component };
    });
    return module;
  };
  const routeModule: RouteModule<Props> = { Component: lazy(load), load, loaded: false };
  return routeModule;
}

/** A route whose element is a lazy module; the module rides in `handle` for `loadRouteModules`. */
export function lazyRoute(
  importModule: () => Promise<{ Component: ComponentType }>,
): Pick<RouteObject, "element" | "handle"> {
  const module = lazyModule(importModule);
  return { element: <module.Component />, handle: module };
}

function isRouteModule(handle: unknown): handle is RouteModule {
  return typeof handle === "object" && handle !== null && "load" in handle && "loaded" in handle;
}

/**
 * Starts fetching every module the location's routes need, all at once (as a data router's lazy
 * routes do; nested React.lazy alone would fetch one nesting level after the other); true when one
 * was not loaded yet.
 */
export function loadRouteModules(routes: RouteObject[], location: Partial<Location>): boolean {
  let missing = false;
  for (const { route } of matchRoutes(routes, location) ?? []) {
    if (!isRouteModule(route.handle) || route.handle.loaded) continue;
    missing = true;
    // A failure shows where the module renders (the nearest error boundary), not here.
    route.handle.load().catch(() => undefined);
  }
  return missing;
}

/** `useRoutes` with the matched routes' modules fetched in parallel. */
export function LazyRoutes({ routes }: { routes: RouteObject[] }) {
  loadRouteModules(routes, useLocation());
  return useRoutes(routes);
}
