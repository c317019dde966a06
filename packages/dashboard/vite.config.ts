import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves dist/ at "/"; during `npm run dev -w @keyward/dashboard` Vite
// proxies the API to a server started separately on :8787.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // No inline scripts or data: URLs: the CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { "/api": "http://localhost:8787", "/v1": "http://localhost:8787" },
  },
});
