/**
 * Finds JobPosting nodes in parsed JSON-LD, wherever they sit (top level, arrays, `@graph`), and
 * resolves `{"@id": ...}` references against the other nodes of the page, because BrighterMonday
 * points `hiringOrganization` and `jobLocation` at separate graph nodes.
 */

export type JsonLdNode = Record<string, unknown>;

/** Depth at which reference resolution stops, guarding against reference cycles. */
const MAX_RESOLVE_DEPTH = 6;

/** Returns every JobPosting node of the page, references resolved, in page order. */
export function findJobPostings(blocks: readonly unknown[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const block of blocks) {
    collectNodes(block, nodes);
  }

  const byId = new Map<string, JsonLdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) {
      byId.set(id, node);
    }
  }

  return nodes.filter((node) => hasType(node, 'JobPosting')).map((node) => resolveReferences(node, byId, 0) as JsonLdNode);
}

/** Returns true when the node's `@type`, a string or an array, includes `type` (with or without a schema prefix). */
export function hasType(node: JsonLdNode, type: string): boolean {
  const declared = node['@type'];
  const types = Array.isArray(declared) ? declared : [declared];
  return types.some((candidate) => typeof candidate === 'string' && candidate.replace(/^.*[/:]/, '') === type);
}

export function isJsonLdNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectNodes(value: unknown, nodes: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      collectNodes(item, nodes);
    }
    return;
  }
  if (!isJsonLdNode(value)) {
    return;
  }

  nodes.push(value);
  const graph = value['@graph'];
  if (graph !== undefined) {
    collectNodes(graph, nodes);
  }
}

function resolveReferences(value: unknown, byId: Map<string, JsonLdNode>, depth: number): unknown {
  if (depth > MAX_RESOLVE_DEPTH) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolveReferences(item, byId, depth + 1));
  }
  if (!isJsonLdNode(value)) {
    return value;
  }

  const id = value['@id'];
  const target = typeof id === 'string' && Object.keys(value).length === 1 ? byId.get(id) : undefined;
  const source = target ?? value;

  const resolved: JsonLdNode = {};
  for (const [key, child] of Object.entries(source)) {
    resolved[key] = key === '@graph' ? child : resolveReferences(child, byId, depth + 1);
  }
  return resolved;
}
