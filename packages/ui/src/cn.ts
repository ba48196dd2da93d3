import { type ClassValue, clsx } from "clsx";

/** Joins class names, skipping falsy ones (clsx), so apps need no class helper of their own. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
