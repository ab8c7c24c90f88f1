/**
 * Local boards for workflow and daemon CLI tests: fixture servers for three of the four sites on
 * 127.0.0.1, and the fourth pointed at a port where nothing listens (connection refused).
 */
import { createServer } from 'node:net';

import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

export interface LocalBoards {
  /** Environment that points every site at its local server and lifts the request rate limit. */
  env: Record<string, string>;
  servers: FixtureServer[];
  downSite: string;
  postingsServed: number;
  close(): Promise<void>;
}

/** Starts the servers; `postingCount` postings per live board. */
export async function startLocalBoards(postingCount = 20): Promise<LocalBoards> {
  const servers = await Promise.all(
    (['brightermonday', 'careerjet', 'myjobmag'] as const).map((board, index) => startFixtureServer({ board, postingCount, seed: index + 1 })),
  );
  const refusedPort = await findClosedPort();

  const env: Record<string, string> = { JOB_RPM: '6000', NEXTKE_SITE_BASE_URL_JOBWEBKENYA: `http://127.0.0.1:${refusedPort}` };
  for (const server of servers) {
    env[`NEXTKE_SITE_BASE_URL_${server.board.toUpperCase()}`] = server.baseUrl;
  }

  return {
    env,
    servers,
    downSite: 'jobwebkenya',
    postingsServed: servers.reduce((sum, server) => sum + server.postings.length, 0),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** Returns a port that was free a moment ago and now has no listener, so connecting is refused. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no TCP port was assigned');
  }
  return address.port;
}
