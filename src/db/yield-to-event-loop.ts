import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * A Kysely plugin that lets the event loop run once after every query. PGlite executes queries
 * synchronously inside WebAssembly and resolves them as microtasks, so a stage that only talks to
 * the embedded store never reaches libuv's poll phase: SIGINT/SIGTERM handlers and timers would
 * wait until the stage ends. One `setImmediate` per query costs microseconds.
 */
export const yieldToEventLoop: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  },

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return args.result;
  },
};
