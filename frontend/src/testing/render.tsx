import { render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import { RouterProvider, createMemoryRouter } from "react-router";
import { AppProviders, createQueryClient } from "@/app/AppProviders";
import { routes } from "@/app/routes";

/** Render the whole app at `path`, with a fresh cache, as a browser would show it. */
export function renderApp(path = "/"): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}

/** Render one component inside the app's providers (intl, query cache, session). */
export function renderWithProviders(ui: ReactNode): RenderResult {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter([{ path: "*", element: ui }], { initialEntries: ["/"] });
  return render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}
