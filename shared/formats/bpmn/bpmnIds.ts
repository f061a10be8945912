/**
 * BPMN ids are XML `ID`s: unique in the whole file (nodes, flows, lanes and diagram elements
 * share one space) and NCNames. Flowlane ids are any non-empty string, unique per collection,
 * so ids that cannot be kept as they are get a safe ASCII stand-in; our extension then
 * records the original.
 */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/

export class BpmnIds {
  private readonly used = new Set<string>()

  /** `wanted` itself when it is a safe id not taken yet, else a safe variant of it. */
  claim(wanted: string): string {
    const base = SAFE_ID.test(wanted) ? wanted : safeBase(wanted)
    let id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`
    this.used.add(id)
    return id
  }
}

function safeBase(wanted: string): string {
  const ascii = wanted.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 64)
  return /^[A-Za-z_]/.test(ascii) ? ascii : `_${ascii}`
}
