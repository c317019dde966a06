#!/usr/bin/env node
import { ConfigError, loadConfig, loadDotEnv } from "./config/index.js";
import { createKeyward } from "./runtime/create-keyward.js";

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const keyward = await createKeyward(config);
  const { app } = keyward;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests and flushing usage");
    keyward.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  app.log.info(
    { url: `http://${shownHost}:${port}`, storage: keyward.store.dialect, dataDir: config.databaseUrl ? undefined : config.dataDir },
    `Keyward listening on http://${shownHost}:${port}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`keyward: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`keyward: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
