import { governmentCreditCode, unitImportHeader } from "../../fixtures/spreadsheets/demonstration-county";
import { createScriptClient } from "../../scripts/lib/prisma-client";
import { e2eState } from "./state";

// The county the account journey sets up from nothing in the browser (its codes are under no
// real county, and differ from 示范县's of the units journey, so both can run in one database).
const divisionCode = "149902";
const township = (name: string, kind: string, number: string) => [name, kind, "", `${divisionCode}${number}000`, ""];
const department = (name: string, organizationCode: string) => [
  name,
  "县直部门",
  "",
  "",
  governmentCreditCode(divisionCode, organizationCode),
];

export const trialCounty = {
  name: "账号试点县",
  divisionCode,
  /** The units the county administrator imports: 12 townships, towns and subdistricts, 8 departments. */
  unitRows: [
    unitImportHeader,
    township("城关镇人民政府", "镇", "100"),
    township("东关乡人民政府", "乡", "200"),
    township("西河乡人民政府", "乡", "201"),
    township("南山镇人民政府", "镇", "101"),
    department("账号试点县人民政府办公室", "000000001"),
    township("城北镇人民政府", "镇", "102"),
    township("古城镇人民政府", "镇", "103"),
    township("龙泉镇人民政府", "镇", "104"),
    township("桃园乡人民政府", "乡", "202"),
    township("杏林乡人民政府", "乡", "203"),
    township("大河乡人民政府", "乡", "204"),
    township("城东街道办事处", "街道", "001"),
    township("城西街道办事处", "街道", "002"),
    department("账号试点县发展和改革局", "000000002"),
    department("账号试点县教育局", "000000003"),
    department("账号试点县公安局", "000000004"),
    department("账号试点县财政局", "000000005"),
    department("账号试点县民政局", "000000006"),
    department("账号试点县司法局", "000000007"),
    department("账号试点县审计局", "000000008"),
  ] as readonly (readonly string[])[],
  /** The units the 20 clerks are spread over, in turn. */
  clerkUnits: ["城关镇人民政府", "东关乡人民政府", "西河乡人民政府", "南山镇人民政府", "账号试点县人民政府办公室"],
} as const;

/** A user's id, for the requests a page never makes (another county's account). */
export async function userIdOf(username: string): Promise<string> {
  const client = createScriptClient((await e2eState.read()).databaseUrl);
  try {
    return (await client.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
  } finally {
    await client.$disconnect();
  }
}
