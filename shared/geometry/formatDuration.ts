import type { Duration, TimeUnit } from '../document/schema.js'

const UNITS: Record<'en' | 'zh', Record<TimeUnit, [string, string]>> = {
  en: {
    minute: ['min', 'min'],
    hour: ['h', 'h'],
    workday: ['workday', 'workdays'],
    day: ['day', 'days'],
    week: ['week', 'weeks'],
  },
  zh: {
    minute: ['分钟', '分钟'],
    hour: ['小时', '小时'],
    workday: ['个工作日', '个工作日'],
    day: ['天', '天'],
    week: ['周', '周'],
  },
}

/** A duration as people write it: "2 workdays", "4 h", "3天". Chinese for `zh*` locales. */
export function formatDuration(duration: Duration, locale: string | undefined): string {
  const zh = locale?.toLowerCase().startsWith('zh') ?? false
  const [one, many] = UNITS[zh ? 'zh' : 'en'][duration.unit]
  const value = Math.round(duration.value * 100) / 100
  if (zh) return `${value}${one}`
  return `${value} ${value === 1 ? one : many}`
}
