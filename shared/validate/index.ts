export {
  validateDocument,
  compareProblems,
  interpolate,
  createContext,
  isSeverity,
  type ValidationSettings,
  type MessageLocale,
} from './validateDocument.js'
export { RULES } from './rules/index.js'
export { en as enMessages, type MessageKey } from './messages/en.js'
export { zhCN as zhCNMessages } from './messages/zh-CN.js'
export type { Problem, Rule, Severity, SeveritySetting, Report } from './types.js'
