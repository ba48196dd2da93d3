import { useQuery } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

export function useFeatures() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.features.all,
    queryFn: ({ signal }) => services.features.getFeatures(signal),
    staleTime: 5 * 60_000,
  });
}

/** Whether a flag is on for the caller; false until the flags have loaded. */
export function useFeature(key: string): boolean {
  return useFeatures().data?.[key] ?? false;
}
