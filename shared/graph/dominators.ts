/**
 * Dominators of the flow graph from a virtual root joined to every start node
 * (Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm", 2001).
 * `nearestCommonDominator` of a parallel join's predecessors is the node where their paths
 * split: a parallel split is sound, an exclusive decision deadlocks the join.
 */
import type { FlowGraph } from './flowGraph.js'

export interface Dominators {
  /** The virtual root's index (one past the last node). */
  readonly root: number
  /** Immediate dominator per node index; -1 where unreachable. */
  readonly idom: Int32Array
  nearestCommonDominator(nodes: readonly number[]): number
}

export function computeDominators(graph: FlowGraph): Dominators {
  const n = graph.nodes.length
  const root = n
  const successors = (v: number): number[] =>
    v === root
      ? graph.nodes.flatMap((node, i) => (node.kind === 'start' ? [i] : []))
      : graph.outgoing[v]!.map((e) => graph.indexOf.get(graph.edges[e]!.target)!)

  // Postorder numbers by an iterative depth-first walk.
  const order = new Int32Array(n + 1).fill(-1)
  const postorder: number[] = []
  const visited = new Uint8Array(n + 1)
  const stack: { v: number; succ: number[]; next: number }[] = [{ v: root, succ: successors(root), next: 0 }]
  visited[root] = 1
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    if (top.next < top.succ.length) {
      const w = top.succ[top.next++]!
      if (!visited[w]) {
        visited[w] = 1
        stack.push({ v: w, succ: successors(w), next: 0 })
      }
    } else {
      order[top.v] = postorder.length
      postorder.push(top.v)
      stack.pop()
    }
  }

  const predecessors = (v: number): number[] =>
    graph.nodes[v]!.kind === 'start'
      ? [root, ...graph.incoming[v]!.map((e) => graph.indexOf.get(graph.edges[e]!.source)!)]
      : graph.incoming[v]!.map((e) => graph.indexOf.get(graph.edges[e]!.source)!)

  const idom = new Int32Array(n + 1).fill(-1)
  idom[root] = root
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!
      while (order[b]! < order[a]!) b = idom[b]!
    }
    return a
  }
  for (let changed = true; changed;) {
    changed = false
    for (let k = postorder.length - 2; k >= 0; k--) {
      const v = postorder[k]!
      let candidate = -1
      for (const p of predecessors(v)) {
        if (idom[p] === -1) continue
        candidate = candidate === -1 ? p : intersect(p, candidate)
      }
      if (candidate !== -1 && idom[v] !== candidate) {
        idom[v] = candidate
        changed = true
      }
    }
  }

  return {
    root,
    idom,
    nearestCommonDominator(nodes) {
      const live = nodes.filter((v) => idom[v] !== -1)
      if (live.length === 0) return -1
      return live.reduce((a, b) => intersect(a, b))
    },
  }
}
