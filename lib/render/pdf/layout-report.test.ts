import { describe, expect, it } from "vitest";
import { isAuthorHeading } from "./layout-report";

describe("isAuthorHeading", () => {
  it.each(["（二）政府信息主动公开工作情况", "三、存在的主要问题", "(一)组织领导", "1.加强平台建设", "2、依申请公开"])(
    "treats %s as a heading",
    (text) => {
      expect(isAuthorHeading(text)).toBe(true);
    },
  );
  it.each([
    "一年来，我镇严格按照《政府信息公开条例》的规定以及县委县政府关于政府信息公开工作的部署和要求，不断完善。",
    "（一）主动公开情况良好。",
    "2020年，祥云镇始终坚持以习近平新时代中国特色社会主义思想为指导",
    "政府信息主动公开工作情况",
  ])("treats %s as body text", (text) => {
    expect(isAuthorHeading(text)).toBe(false);
  });
});
