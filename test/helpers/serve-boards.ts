/**
 * Serves the four fixture boards on 127.0.0.1 until interrupted, and prints the `export` lines that
 * point nextke at them. Usage: `node --import tsx test/helpers/serve-boards.ts [postings-per-board]`.
 */
import { startBoardServers } from './fixture-server.js';

const postingCount = Number(process.argv[2] ?? 60);
if (!Number.isInteger(postingCount) || postingCount < 1) {
  process.stderr.write(`invalid postings per board ${JSON.stringify(process.argv[2])}: expected a positive integer\n`);
  process.exit(2);
}

const boards = await startBoardServers({ postingCount });
for (const [name, value] of Object.entries(boards.env)) {
  process.stdout.write(`export ${name}=${value}\n`);
}
process.stderr.write(`serving 4 boards x ${postingCount} postings; press Ctrl-C to stop\n`);

const stop = async () => {
  await boards.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
