import { useCompleteTask } from "@referral-app/api-client/react";
import type { CaseTask } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";

function TaskRow({ task, showCase }: { task: CaseTask; showCase: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { toast } = useToast();
  const complete = useCompleteTask();
  const done = task.state === "done";
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-3">
      <div className="min-w-0 space-y-1">
        <p className={done ? "text-sm text-muted line-through" : "text-sm font-medium text-fg"}>
          {task.title}
        </p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
          {done && task.completedAt ? (
            <span>{t("cases.tasks.done", { date: format.date(task.completedAt) })}</span>
          ) : task.overdue ? (
            <Badge tone="danger">{t("cases.tasks.overdue", { date: format.date(task.dueAt) })}</Badge>
          ) : (
            <span>{t("cases.tasks.due", { date: format.date(task.dueAt) })}</span>
          )}
          {task.assignee.kind === "staff" ? (
            <span>{t("cases.tasks.assignedTo", { name: task.assignee.name })}</span>
          ) : null}
          {showCase ? (
            <Link
              to={`/cases/${task.caseId}`}
              className="font-medium text-brand underline-offset-2 hover:underline"
            >
              {t("cases.tasks.onCase", { number: task.caseNumber })}
            </Link>
          ) : null}
        </p>
        {complete.error ? <FormMessage>{apiErrorMessage(complete.error, t)}</FormMessage> : null}
      </div>
      {!done && task.canComplete ? (
        <Button
          size="sm"
          variant="secondary"
          loading={complete.isPending}
          aria-label={t("cases.tasks.completeTask", { title: task.title })}
          onClick={() =>
            complete.mutate(task, { onSuccess: () => toast({ title: t("cases.tasks.completed") }) })
          }
        >
          {t("cases.tasks.complete")}
        </Button>
      ) : null}
    </li>
  );
}

/** Tasks with a "Mark as done" button where the user may complete them; open ones first. */
export function TaskList({ tasks, showCase = false }: { tasks: CaseTask[]; showCase?: boolean }) {
  const ordered = [...tasks].sort(
    (a, b) => Number(a.state === "done") - Number(b.state === "done") || a.dueAt.localeCompare(b.dueAt),
  );
  return (
    <ul className="divide-y divide-border">
      {ordered.map((task) => (
        <TaskRow key={task.id} task={task} showCase={showCase} />
      ))}
    </ul>
  );
}
