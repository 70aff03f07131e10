/**
 * zh-CN wording for every refusal a schema does not word itself. Universal: the same
 * messages on the server and in the browser.
 *
 * zod's own zh-CN locale (`z.locales.zhCN()`) is installed underneath, but its wording is
 * written for developers and leaves English type names in the text (“无效输入：期望 数字，
 * 实际接收 string”, “数值过大：期望 string <=100 字符”), so the codes an action's input can
 * meet get plain instructions here; the locale only answers for codes this map leaves
 * alone. A schema's own message (`{ error: "请选择年度" }`) still comes first.
 */
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

/** What an action's input got wrong, as a generic instruction. */
const malformed = "内容格式不正确，请刷新页面后重试";

function invalidType(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (issue.input === undefined) return "请填写此项";
  switch (issue.expected) {
    case "number":
    case "nan":
      return "请填写数字";
    case "int":
    case "bigint":
      return "请填写整数";
    case "string":
      return "请填写文字";
    case "boolean":
      return "请选择是或否";
    case "date":
      return "请填写日期";
    default:
      return malformed;
  }
}

/** A length, a count, a size or a value out of its bound: worded by what is bounded and which way. */
function outOfBounds(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const tooSmall = issue.code === "too_small";
  const bound = (tooSmall ? issue.minimum : issue.maximum).toString();
  switch (issue.origin) {
    case "string":
      if (!tooSmall) return `内容过长，请控制在 ${bound} 字以内`;
      return issue.minimum === 1 ? "请填写此项" : `请至少填写 ${bound} 个字`;
    case "array":
    case "set":
      return tooSmall ? `请至少选择 ${bound} 项` : `最多 ${bound} 项`;
    case "number":
    case "int":
    case "bigint":
      if (issue.inclusive) return tooSmall ? `不能小于 ${bound}` : `不能大于 ${bound}`;
      return tooSmall ? `应大于 ${bound}` : `应小于 ${bound}`;
    case "file":
      return tooSmall ? malformed : "文件过大";
    default:
      return malformed;
  }
}

function invalidFormat(issue: Extract<Issue, { code: "invalid_format" }>): string {
  switch (issue.format) {
    case "email":
      return "请填写有效的电子邮件地址";
    case "url":
      return "请填写有效的网址";
    case "date":
    case "datetime":
    case "time":
      return "日期或时间的格式不正确";
    case "uuid":
    case "uuidv4":
    case "uuidv6":
    case "uuidv7":
    case "guid":
    case "cuid":
    case "cuid2":
    case "ulid":
    case "nanoid":
      return "编号无效，请刷新页面后重试";
    default:
      return "格式不正确";
  }
}

/** The message for one issue; undefined leaves it to the zh-CN locale. */
export function zodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_small":
    case "too_big":
      return outOfBounds(issue);
    case "invalid_format":
      return invalidFormat(issue);
    case "not_multiple_of":
      return `应为 ${issue.divisor} 的倍数`;
    case "invalid_value":
      return "请从给出的选项中选择";
    case "unrecognized_keys":
    case "invalid_key":
    case "invalid_element":
    case "invalid_union":
      return malformed;
    case "custom":
      return "格式不正确";
    default:
      return undefined;
  }
}

let isConfigured = false;

/**
 * Installs the wording for every schema of this process (zod keeps its configuration on
 * globalThis, shared by every copy of the module). Idempotent; the modules that parse
 * untrusted input (lib/server/define-action.ts, define-route.ts) call it when loaded.
 */
export function configureZodMessages(): void {
  if (isConfigured) return;
  z.config(z.locales.zhCN());
  z.config({ customError: zodMessage });
  isConfigured = true;
}
