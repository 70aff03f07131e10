// The demo world: the bodies of the five seed reports (fixtures/seeds-text) under their real
// counties, filled out so that 阳城县 is a complete demo county and 盐池县 a second one
// (access rules are shown across two counties).
export type DemoOrganization = {
  key: string;
  name: string;
  kind: "COUNTY" | "TOWNSHIP" | "TOWN" | "SUBDISTRICT" | "DEPARTMENT";
  parentKey?: string;
  divisionCode?: string;
};

export type DemoUser = {
  username: string;
  name: string;
  role: "CLERK" | "REVIEWER" | "ADMIN";
  organizationKey?: string;
};

export const demoOrganizations: DemoOrganization[] = [
  { key: "yangcheng", name: "阳城县", kind: "COUNTY", divisionCode: "140522" },
  { key: "dongfeng", name: "董封乡人民政府", kind: "TOWNSHIP", parentKey: "yangcheng" },
  { key: "fengcheng", name: "凤城镇人民政府", kind: "TOWN", parentKey: "yangcheng" },
  { key: "beiliu", name: "北留镇人民政府", kind: "TOWN", parentKey: "yangcheng" },
  { key: "baisang", name: "白桑乡人民政府", kind: "TOWNSHIP", parentKey: "yangcheng" },
  { key: "yczfb", name: "阳城县人民政府办公室", kind: "DEPARTMENT", parentKey: "yangcheng" },
  { key: "yanchi", name: "盐池县", kind: "COUNTY", divisionCode: "640323" },
  { key: "wangyuejing", name: "盐池县王乐井乡人民政府", kind: "TOWNSHIP", parentKey: "yanchi" },
  { key: "huamachi", name: "盐池县花马池镇人民政府", kind: "TOWN", parentKey: "yanchi" },
  { key: "wenxian", name: "温县", kind: "COUNTY", divisionCode: "410825" },
  { key: "xiangyun", name: "祥云镇人民政府", kind: "TOWN", parentKey: "wenxian" },
  { key: "kuancheng", name: "宽城满族自治县", kind: "COUNTY", divisionCode: "130827" },
  { key: "kczfb", name: "宽城满族自治县人民政府办公室", kind: "DEPARTMENT", parentKey: "kuancheng" },
  { key: "huinan", name: "辉南县", kind: "COUNTY", divisionCode: "220523" },
  { key: "chaoyang", name: "朝阳镇人民政府", kind: "TOWN", parentKey: "huinan" },
];

export const demoUsers: DemoUser[] = [
  { username: "admin", name: "系统管理员", role: "ADMIN" },
  { username: "yangcheng-review", name: "阳城县政务公开办 审核员", role: "REVIEWER", organizationKey: "yangcheng" },
  { username: "dongfeng", name: "董封乡 填报员", role: "CLERK", organizationKey: "dongfeng" },
  { username: "fengcheng", name: "凤城镇 填报员", role: "CLERK", organizationKey: "fengcheng" },
  { username: "beiliu", name: "北留镇 填报员", role: "CLERK", organizationKey: "beiliu" },
  { username: "baisang", name: "白桑乡 填报员", role: "CLERK", organizationKey: "baisang" },
  { username: "yczfb", name: "阳城县政府办 填报员", role: "CLERK", organizationKey: "yczfb" },
  { username: "yanchi-review", name: "盐池县政务公开办 审核员", role: "REVIEWER", organizationKey: "yanchi" },
  { username: "wangyuejing", name: "王乐井乡 填报员", role: "CLERK", organizationKey: "wangyuejing" },
  { username: "huamachi", name: "花马池镇 填报员", role: "CLERK", organizationKey: "huamachi" },
  { username: "xiangyun", name: "祥云镇 填报员", role: "CLERK", organizationKey: "xiangyun" },
  { username: "kczfb", name: "宽城县政府办 填报员", role: "CLERK", organizationKey: "kczfb" },
  { username: "chaoyang", name: "朝阳镇 填报员", role: "CLERK", organizationKey: "chaoyang" },
];

/** The e-mail domain of every demo account: how `npm start` tells them from a county's own. */
export const DEMO_EMAIL_DOMAIN = "@demo.nianbao.invalid";

/** Every demo account shares this password; it is printed when the app starts. */
export const DEMO_PASSWORD = "nianbao-demo";
