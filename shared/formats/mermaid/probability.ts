/**
 * Probabilities in edge labels: written `qualified · 70%`, read back from that and from
 * what people write by hand (`yes (30%)`, `70%`, `no 0.3`).
 */

/** 0.7 → "70", 1/3 → "33.3333333": exact enough to read back the same probability. */
export function formatPercent(probability: number): string {
  return String(Number((probability * 100).toPrecision(9)))
}

/** Flowlane's own form, `words · 70%`: the words are everything before the last ` · `. */
const OWN = /^([\s\S]*) · (\d{1,3}(?:\.\d+)?)%$/
/** A number that stands apart from the words, so "Top10%" stays a label. */
const HAND = /^([\s\S]*?)(?:^|[\s·•,;:|/(（\-–—]+)(\d{1,3}(?:\.\d+)?\s*[%％]|0?\.\d+|[01]\.\d+)[\s)）]*$/u

/** The probability at the end of an edge label, and the words before it. */
export function splitProbability(label: string): { label: string; probability: number } | undefined {
  const own = OWN.exec(label)
  const hand = own ? undefined : HAND.exec(label.trim())
  const match = own ?? hand
  if (!match) return undefined
  const [, words = '', number = ''] = match
  const percent = own !== null || /[%％]/.test(number)
  const value = Number.parseFloat(number.replace(/[%％\s]/g, ''))
  const probability = Number((percent ? value / 100 : value).toPrecision(12))
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) return undefined
  return { label: own ? words : words.replace(/[\s·•,;:|/(（\-–—]+$/u, '').trim(), probability }
}
