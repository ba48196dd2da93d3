import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";

// The zod schema type the resolver accepts (the apps do not import zod themselves).
type Schema = Parameters<typeof zodResolver>[0];
type FieldSchema = { safeParse: (value: unknown) => { success: boolean } };

/** Fields that may be left out: an empty input there means "not given", not "". */
function optionalFields(schema: Schema): Set<string> {
  const shape = (schema as { shape?: Record<string, FieldSchema> }).shape ?? {};
  return new Set(
    Object.entries(shape)
      .filter(([, field]) => field.safeParse(undefined).success)
      .map(([key]) => key),
  );
}

/** Drops empty strings from the optional fields, so required ones still get their own message. */
export function stripEmpty<T extends Record<string, unknown>>(values: T, optional: ReadonlySet<string>): T {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => !(optional.has(key) && (value === "" || value === undefined)),
    ),
  ) as T;
}

/** A react-hook-form resolver for a shared zod schema that ignores empty optional fields. */
export function schemaResolver<Values extends FieldValues>(schema: Schema): Resolver<Values> {
  const resolve = zodResolver(schema) as unknown as Resolver<Values>;
  const optional = optionalFields(schema);
  return (values, context, options) => resolve(stripEmpty(values, optional), context, options);
}
