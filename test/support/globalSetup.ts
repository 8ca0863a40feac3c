import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs } from './chromiumArgs.js';
import { FormworkServer } from './FormworkServer.js';
import { assertBuilt, chromiumPath } from './paths.js';

/**
 * One server and one browser for the whole run (the machine has 2 cores, and PGlite takes seconds to start).
 * Test files connect to the browser over its websocket; a file that needs a server of its own (stop/restart)
 * starts one with `FormworkServer`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt();
  const browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs });
  const server = new FormworkServer({ name: 'shared' });
  try {
    await server.start();
  } catch (error) {
    await browserServer.close();
    throw error;
  }
  project.provide('serverUrl', server.url);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await server.dispose();
    await browserServer.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    browserWsEndpoint: string;
  }
}
