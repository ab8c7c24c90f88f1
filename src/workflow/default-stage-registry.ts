/**
 * The real stages behind `nextke workflow` and the daemon, each adapted to the workflow's input.
 */
import type { StageRegistry } from './stage-registry.js';

/** Returns the registry of every stage that ships in this build. */
export function createDefaultStageRegistry(): StageRegistry {
  return {};
}
