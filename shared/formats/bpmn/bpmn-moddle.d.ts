/**
 * Types for bpmn-moddle's entry point, which ships none (stack.md §4, gotcha 5): the model
 * types come from the package's own `bpmn-moddle/types`, this only types the class.
 */
declare module 'bpmn-moddle' {
  import type { BpmnModdleTypeMap, BpmndiModdleTypeMap, DcModdleTypeMap, DiModdleTypeMap } from 'bpmn-moddle/types'

  export type ModdleTypeMap = BpmnModdleTypeMap & BpmndiModdleTypeMap & DcModdleTypeMap & DiModdleTypeMap

  /** What moddle-xml reports while reading: unknown elements or attributes, unresolved references. */
  export interface ParseWarning {
    readonly message: string
  }

  export interface ParseResult {
    readonly rootElement: ModdleTypeMap['bpmn:Definitions']
    readonly warnings: readonly ParseWarning[]
  }

  export class BpmnModdle {
    constructor(packages?: Readonly<Record<string, unknown>>, options?: Readonly<Record<string, unknown>>)
    fromXML(xml: string, typeName?: string, options?: Readonly<Record<string, unknown>>): Promise<ParseResult>
    toXML(
      element: object,
      options?: { readonly format?: boolean; readonly preamble?: boolean },
    ): Promise<{ xml: string }>
    create<K extends keyof ModdleTypeMap>(type: K, attrs?: object): ModdleTypeMap[K]
    create(type: string, attrs?: object): { readonly $type: string }
  }
}
