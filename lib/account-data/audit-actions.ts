// What the audit log (操作记录) calls each recorded action. Universal: the page shows these
// labels and offers them as a filter. An action without a label here is shown by its code.
export const auditActionLabels: Readonly<Record<string, string>> = {
  "account.create": "创建账号",
  "account.resetPassword": "重置密码",
  "account.disable": "停用账号",
  "account.enable": "启用账号",
  "account.change": "修改账号",
  "account.changeOwnPassword": "修改本人密码",
  "county.create": "新建县（区）",
  "unit.create": "新建单位",
  "unit.import": "导入单位名单",
  "unit.update": "修改单位",
  "unit.move": "移动单位",
  "unit.retire": "停用单位",
  "unit.restore": "恢复单位",
  "calendar.set": "设置报告期",
  "county.setReportMode": "设置县政府报告填报方式",
  "county.setRepetitionThreshold": "设置雷同提示阈值",
  "report.start": "开始填写报告",
  "report.submit": "提交报告",
  "report.return": "退回报告",
  "report.approve": "审核通过",
  "report.publish": "发布报告",
  "report.reopenForCorrection": "更正已发布报告",
  "report.comment": "添加审核意见",
  "report.import": "导入往年报告",
  "report.fillZero": "声明本年度未发生（空白格填 0）",
  "report.undoFillZero": "撤销本年度未发生",
  "season.remind": "催报",
  "report.replyComment": "回复审核意见",
  "report.resolveComment": "审核意见标为已处理",
  "summary.publish": "发布全县汇总",
};

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
