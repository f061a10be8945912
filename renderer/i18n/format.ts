/** Numbers and dates in the UI language (Intl); durations use shared/geometry/formatDuration. */

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value)
}

/**
 * A share (0–1) as a percentage with up to two decimals: "12.5 %" in English as the app has
 * always written it (the inspector's own % fields), "12.5%" in Chinese.
 */
export function formatPercent(share: number, language: string): string {
  const value = formatNumber(Math.round(share * 10000) / 100, language, { maximumFractionDigits: 2 })
  return language.toLowerCase().startsWith('zh') ? `${value}%` : `${value} %`
}

export function formatDate(at: Date | number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
}
