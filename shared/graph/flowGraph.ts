/**
 * The document as a graph, indexed once so that every rule, the capacity analysis and the
 * simulator share one set of facts. Notes are annotations: they and their edges are left out.
 * Ids live in Maps, never as object keys (a node may be called `__proto__`).
 */
import type { FlowDocument, FlowEdge, FlowNode } from '../document/schema.js'

export interface FlowGraph {
  readonly doc: FlowDocument
  /** Flow nodes (notes excluded), in document order. */
  readonly nodes: readonly FlowNode[]
  readonly indexOf: ReadonlyMap<string, number>
  /** Edges between flow nodes, in document order. */
  readonly edges: readonly FlowEdge[]
  /** Per node index: indexes into `edges`. */
  readonly outgoing: readonly (readonly number[])[]
  readonly incoming: readonly (readonly number[])[]
  readonly nodeById: ReadonlyMap<string, FlowNode>
  readonly edgeById: ReadonlyMap<string, FlowEdge>
}

export function buildFlowGraph(doc: FlowDocument): FlowGraph {
  const nodes = doc.nodes.filter((n) => n.kind !== 'note')
  const indexOf = new Map<string, number>()
  nodes.forEach((n, i) => indexOf.set(n.id, i))
  const edges = doc.edges.filter((e) => indexOf.has(e.source) && indexOf.has(e.target))
  const outgoing: number[][] = nodes.map(() => [])
  const incoming: number[][] = nodes.map(() => [])
  edges.forEach((e, i) => {
    outgoing[indexOf.get(e.source)!]!.push(i)
    incoming[indexOf.get(e.target)!]!.push(i)
  })
  return {
    doc,
    nodes,
    indexOf,
    edges,
    outgoing,
    incoming,
    nodeById: new Map(doc.nodes.map((n) => [n.id, n])),
    edgeById: new Map(doc.edges.map((e) => [e.id, e])),
  }
}

/** Node indexes reachable from `roots` along edges (or against them with `reverse`). */
export function reachable(
  graph: FlowGraph,
  roots: Iterable<number>,
  reverse = false,
  usable?: (edge: number) => boolean,
): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length)
  const stack: number[] = []
  for (const r of roots) {
    if (!seen[r]) {
      seen[r] = 1
      stack.push(r)
    }
  }
  const adjacency = reverse ? graph.incoming : graph.outgoing
  while (stack.length > 0) {
    const v = stack.pop()!
    for (const e of adjacency[v]!) {
      if (usable && !usable(e)) continue
      const edge = graph.edges[e]!
      const w = graph.indexOf.get(reverse ? edge.source : edge.target)!
      if (!seen[w]) {
        seen[w] = 1
        stack.push(w)
      }
    }
  }
  return seen
}

export function indexesOfKind(graph: FlowGraph, kind: FlowNode['kind']): number[] {
  const out: number[] = []
  graph.nodes.forEach((n, i) => {
    if (n.kind === kind) out.push(i)
  })
  return out
}

/** The timeout edge of a node, if it has one that exists. */
export function timeoutEdgeOf(graph: FlowGraph, node: FlowNode): FlowEdge | undefined {
  const id = node.timeout?.edgeId
  if (id === undefined) return undefined
  const edge = graph.edgeById.get(id)
  return edge && edge.source === node.id ? edge : undefined
}

/** Outgoing edge indexes of a node other than its timeout edge: the ways a finished case leaves. */
export function regularOutgoing(graph: FlowGraph, index: number): number[] {
  const node = graph.nodes[index]!
  const timeoutId = node.timeout?.edgeId
  return graph.outgoing[index]!.filter((e) => graph.edges[e]!.id !== timeoutId)
}

/**
 * Strongly connected components (Tarjan, iterative so a 20,000-step chain cannot overflow
 * the stack), returned in reverse topological order: a component comes before its predecessors.
 */
export function stronglyConnectedComponents(graph: FlowGraph, usable?: (edge: number) => boolean): number[][] {
  const n = graph.nodes.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack: number[] = []
  const components: number[][] = []
  let counter = 0
  const work: { v: number; next: number }[] = []
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    work.push({ v: root, next: 0 })
    index[root] = low[root] = counter++
    stack.push(root)
    onStack[root] = 1
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const out = graph.outgoing[frame.v]!
      if (frame.next < out.length) {
        const e = out[frame.next++]!
        if (usable && !usable(e)) continue
        const w = graph.indexOf.get(graph.edges[e]!.target)!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          work.push({ v: w, next: 0 })
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v]!, index[w]!)
        }
      } else {
        work.pop()
        const parent = work[work.length - 1]
        if (parent) low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!)
        if (low[frame.v] === index[frame.v]) {
          const component: number[] = []
          let w: number
          do {
            w = stack.pop()!
            onStack[w] = 0
            component.push(w)
          } while (w !== frame.v)
          components.push(component)
        }
      }
    }
  }
  return components
}
