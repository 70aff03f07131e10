"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionResult } from "@/lib/errors/action-result";

type SendNotice = (input: {
  year: number;
  organizationIds: string[];
  body: string;
}) => Promise<ActionResult<{ noticeId: string; recipients: number }>>;

/**
 * The reminder (催报) form under the season board: the units are the board's checked rows
 * (their checkboxes belong to this form through their `form` attribute), the text is
 * prefilled with the deadline and can be edited before sending.
 */
export function SeasonNoticeForm({
  formId,
  year,
  defaultText,
  maxLength,
  sendNotice,
}: {
  formId: string;
  year: number;
  defaultText: string;
  maxLength: number;
  sendNotice: SendNotice;
}) {
  const router = useRouter();
  const [body, setBody] = useState(defaultText);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      id={formId}
      className="season-notice-form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        const organizationIds = new FormData(event.currentTarget).getAll("unit").map(String);
        if (organizationIds.length === 0) {
          setOutcome({ ok: false, message: "请先在上表中勾选要催报的单位。" });
          return;
        }
        startTransition(async () => {
          const result = await sendNotice({ year, organizationIds, body });
          if (result.ok) {
            setOutcome({ ok: true, message: `已向 ${result.data.recipients} 个单位发送催报通知。` });
            router.refresh();
          } else setOutcome({ ok: false, message: result.fieldErrors?.body ?? result.message });
        });
      }}
    >
      <h2 id={`${formId}-title`}>催报</h2>
      <p className="muted">勾选上表中的单位，填写通知内容后发送；各单位填报人员登录后在首页和填写页面看到通知。</p>
      <TextAreaField id={`${formId}-body`} label="通知内容" value={body} onChange={setBody} maxLength={maxLength} />
      {outcome && (
        <p className={outcome.ok ? "notice notice--success" : "field__error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      )}
      <button className="button" type="submit" disabled={isPending}>
        {isPending ? "正在发送…" : "发送催报"}
      </button>
    </form>
  );
}
