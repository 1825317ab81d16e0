/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// One config for the build and for Vitest: the dev server proxies the API to
// the local runner so `npm run dev` works beside `make run`.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    // Budget per chunk (minified): the vendor chunk is ~530 kB (~160 kB gzipped).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // The libraries every page needs change less often than our code: their own
        // chunk stays cached across releases. The editor (ProseMirror) is left in the
        // lazily loaded back-office chunk, so residents never download it.
        codeSplitting: {
          groups: [
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|react-intl|@formatjs|intl-messageformat|react-hook-form|@hookform|zod|openapi-fetch|tslib)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:8000",
      "/_storage": "http://localhost:8000",
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    css: false,
    restoreMocks: true,
  },
});
