// The error codes every entry point answers with, and their zh-CN instructions. Universal:
// the server raises them (lib/server/errors.ts) and the browser branches on them.
export const errorCodes = {
  UNAUTHENTICATED: "请先登录。",
  NOT_FOUND: "找不到该页面或报告。",
  FORBIDDEN: "您没有执行此操作的权限。",
  INVALID_INPUT: "提交的内容有误，请检查后重试。",
  CONFLICT: "该报告已被他人修改，请查看最新版本后再保存。",
  INVALID_STATE: "报告当前状态不允许此操作。",
  RATE_LIMITED: "尝试次数过多，请稍后再试。",
  PASSWORD_CHANGE_REQUIRED: "请先设置新密码，再继续操作。",
  UNAVAILABLE: "服务暂时不可用，您的内容已保留，请稍后重试。",
  INTERNAL: "系统出错，请稍后重试。",
} as const;

export type ErrorCode = keyof typeof errorCodes;
