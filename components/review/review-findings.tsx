import type { ReactNode } from "react";
import type { Finding } from "@/lib/rules";

/**
 * The server's rule run: errors block approval; each warning shows the clerk's reason. An
 * imported report is published as its body published it, so its findings inform the
 * reviewer's confirmation instead (nobody gave reasons for them).
 */
export function ReviewFindings({
  errors,
  warnings,
  isImport = false,
}: {
  errors: readonly Finding[];
  warnings: readonly { finding: Finding; key: string; reason: string | null }[];
  isImport?: boolean;
}) {
  return (
    <section aria-labelledby="findings-heading" data-testid="review-findings">
      <h2 id="findings-heading">校验结果</h2>
      {errors.length === 0 && warnings.length === 0 && <p>服务器重新校验：没有发现错误或提示。</p>}
      <FindingList
        className="notice notice--warning"
        heading={`错误 ${errors.length} 处${isImport ? "（原文如此：确认后按原文发布，如需改正请退回）" : "（须退回改正）"}`}
        items={errors.map((finding, index) => (
          <li key={index}>{finding.message}</li>
        ))}
      />
      <FindingList
        className="notice"
        heading={`提示 ${warnings.length} 条${isImport ? "" : "及填报人员的说明"}`}
        items={warnings.map(({ finding, key, reason }) => (
          <li key={key}>
            <p>{finding.message}</p>
            {!isImport && (
              <p>
                <strong>说明：</strong>
                {reason ?? <span className="muted">（未说明）</span>}
              </p>
            )}
          </li>
        ))}
      />
    </section>
  );
}

/** One kind of finding (errors, warnings) under its heading with its count; nothing when there is none. */
function FindingList({ className, heading, items }: { className: string; heading: string; items: ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <div className={className}>
      <h3>{heading}</h3>
      <ul>{items}</ul>
    </div>
  );
}
