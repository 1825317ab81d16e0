import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiProblem } from "@/lib/api/problem";
import { LocaleProvider } from "./LocaleProvider";
import { SessionBootstrap } from "./SessionBootstrap";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not improve by asking again.
        retry: (count, error) => !(isApiProblem(error) && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function AppProviders({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <SessionBootstrap>
        <LocaleProvider>{children}</LocaleProvider>
      </SessionBootstrap>
    </QueryClientProvider>
  );
}
