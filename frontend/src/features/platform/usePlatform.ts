import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { Platform } from "@/lib/api/types";

export const platformQueryKey = ["platform"] as const;

/** The current platform (resolved by the API from the host name). */
export function usePlatform() {
  return useQuery({
    queryKey: platformQueryKey,
    queryFn: (): Promise<Platform> => unwrap(api.GET("/api/v1/platform")),
    staleTime: 5 * 60 * 1000,
  });
}
