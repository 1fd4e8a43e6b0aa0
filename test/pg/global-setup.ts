// vitest globalSetup: one PostgreSQL server for the whole run; each test file makes its own databases
// on it (./database.ts), so files running side by side never share rows.
import type { TestProject } from 'vitest/node';
import { startPgServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the run's server, maintenance database (for CREATE DATABASE). */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPgServer();
  project.provide('pgAdminUrl', server.url());
  return () => server.destroy();
}
